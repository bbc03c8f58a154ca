"""Pruebas de la etapa de palabras (utils/palabras.py, cuaderno 08). Rápidas: unos segundos."""

import json

import keras
import numpy as np
import pytest

from utils import modelos, palabras, paquetes
from utils.palabras import (
    DESCONOCIDA, ESPECIALES, FIN, ID_DESCONOCIDA, ID_FIN, ID_INICIO, ID_RELLENO, INICIO, RELLENO, VocabularioPalabras,
    normalizar, tokenizar,
)

# Ocho pares con elisiones, U+202F, un nombre propio y una frase que no pasa la lista blanca.
INGLES = ["I'm here.", "I won!", "Go to school.", "Is it today?", "Call Tom.", "Don't go!", "It costs 5 €.", "Wait."]
FRANCES = ["J'y suis.", "J'ai gagné\u202f!", "Va à l'école.", "Est-ce aujourd'hui\u202f?", "Appelle Tom.",
           "N'y va pas\u202f!", "Ça coûte 5 €.", "Attends."]


def tokens(frase, idioma="francés"):
    return tokenizar(normalizar(frase), idioma)


# --- Normalizar y tokenizar -------------------------------------------------------------------------
def test_normalizar_minusculas_apostrofo_y_espacios():
    assert normalizar("  J’AI  vu\u202f! ") == "j'ai vu !"
    assert normalizar("Va\u00a0!") == normalizar("Va\u202f!") == normalizar("Va !") == "va !"
    assert normalizar("Cafe\u0301") == "café"  # acentos combinados → NFC


@pytest.mark.parametrize(
    "frase, esperados",
    [
        ("J'ai faim.", ["j'", "ai", "faim", "."]),
        ("Va à l'école.", ["va", "à", "l'", "école", "."]),
        ("C'est pour aujourd'hui.", ["c'", "est", "pour", "aujourd'hui", "."]),  # aujourd'hui no es una elisión
        ("Va\u202f!", ["va", "!"]),
        ("Qu'est-ce que c'est\u202f?", ["qu'", "est-ce", "que", "c'", "est", "?"]),
        ("Jusqu'à demain, peut-être\u202f!", ["jusqu'", "à", "demain", ",", "peut-être", "!"]),
        ("Quelqu'un l'a-t-il vu\u202f?", ["quelqu'", "un", "l'", "a-t-il", "vu", "?"]),
        ("Il a 2,5 ans.", ["il", "a", "2,5", "ans", "."]),
        ("J’arrive\u202f; attends\u202f:", ["j'", "arrive", ";", "attends", ":"]),
    ],
)
def test_tokenizar_frances(frase, esperados):
    assert tokens(frase) == esperados


def test_tokenizar_ingles_separa_los_cliticos():
    assert tokens("I'm sure Tom's car isn't here, don't worry!", "inglés") == [
        "i", "'m", "sure", "tom", "'s", "car", "is", "n't", "here", ",", "do", "n't", "worry", "!"]
    assert tokens("It's 5 o'clock.", "inglés") == ["it", "'s", "5", "o'clock", "."]


def test_tokenizar_idioma_desconocido():
    with pytest.raises(ValueError, match="idioma debe ser uno de"):
        tokenizar("hola", "español")


def test_lista_blanca():
    assert palabras.fuera_de_lista(normalizar("It costs 5 €.")) == {"€"}
    assert palabras.fuera_de_lista(normalizar("Où est l'hôpital\u202f?")) == set()


def test_cabe_en_los_limites():
    assert palabras.cabe(["a", "b"], ["c"], 2, 1)
    assert not palabras.cabe(["a", "b", "c"], ["c"], 2, 5)
    assert not palabras.cabe([], ["c"], 2, 5)


# --- Volver a escribir el francés -----------------------------------------------------------------
def vocab_minimo(espacio="\u202f", mayusculas=("tom",)):
    return VocabularioPalabras(ESPECIALES + ("a",), ESPECIALES + ("b",), 5, 5, espacio, mayusculas)


@pytest.mark.parametrize("frase", ["J'ai gagné\u202f!", "Va à l'école.", "Est-ce aujourd'hui\u202f?", "Appelle Tom.",
                                   "Qu'est-ce que c'est\u202f?", "Oui, jusqu'à demain\u202f; peut-être."])
def test_unir_frances_deshace_la_tokenizacion(frase):
    assert palabras.unir_frances(tokens(frase), vocab_minimo()) == frase


def test_unir_frances_con_espacio_normal():
    assert palabras.unir_frances(["va", "!"], vocab_minimo(espacio=" ")) == "Va !"


def test_espacio_y_mayusculas_aprendidos_del_corpus():
    assert palabras.espacio_antes_de_signos(["Va\u202f!", "Quoi\u202f?", "Oui !"]) == "\u202f"
    assert palabras.espacio_antes_de_signos(["Va !", "Quoi ?", "Oui\u202f!"]) == " "
    assert palabras.palabras_con_mayuscula(["Appelle Tom.", "Tom part.", "Je vois Paris et Tom.", "Le Chat dort.",
                                            "Un chat dort."]) == ["paris", "tom"]


# --- Vocabulario, ids, relleno y máscaras ---------------------------------------------------------
def test_index2word_especiales_primero_y_orden_por_frecuencia():
    frecuencia = palabras.frecuencias([["b", "a", "c"], ["a", "c"], ["a", "d"]])
    index2word = palabras.crear_index2word(frecuencia, tamano=3)
    assert index2word[:4] == [RELLENO, DESCONOCIDA, INICIO, FIN] == list(ESPECIALES)
    assert (ID_RELLENO, ID_DESCONOCIDA, ID_INICIO, ID_FIN) == (0, 1, 2, 3)
    assert index2word[4:] == ["a", "c", "b"]  # a: 3, c: 2; b y d empatan a 1 y gana el orden alfabético
    word2index = palabras.crear_word2index(index2word)
    assert all(word2index[w] == i for i, w in enumerate(index2word))


def test_fraccion_desconocida():
    frecuencia = palabras.frecuencias([["a"] * 6 + ["b"] * 3 + ["c"]])
    assert palabras.fraccion_desconocida(frecuencia, 1) == pytest.approx(0.4)
    assert palabras.fraccion_desconocida(frecuencia, 3) == 0


def test_ids_con_unk_relleno_y_mascara():
    word2index = palabras.crear_word2index(list(ESPECIALES) + ["je", "suis"])
    ids = palabras.tokens_a_ids(["je", "suis", "xylophone", "."], word2index)
    assert ids == [4, 5, ID_DESCONOCIDA, ID_DESCONOCIDA]
    relleno = palabras.rellenar([ids, [4, 5, 4, 5, 4]], largo=6)
    assert relleno.dtype == np.int32 and relleno.tolist() == [[4, 5, 1, 1, 0, 0], [4, 5, 4, 5, 4, 0]]
    assert palabras.mascara(relleno).tolist() == [[1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 0]]
    with pytest.raises(ValueError, match="fíltrala antes por longitud"):
        palabras.rellenar([[4] * 7], largo=6)


@pytest.fixture(scope="module")
def datos():
    return palabras.preparar_palabras(INGLES, FRANCES, tamano_vocabulario=50, max_tokens=6, fraccion_validacion=0.25)


def test_preparar_palabras_filtra_cuenta_y_desplaza(datos):
    assert datos.descartes == {"lista blanca": 1}
    assert "It costs 5 €." not in datos.input_texts and len(datos.input_texts) == 7
    entrada, objetivo = datos.decoder_input_ids, datos.decoder_target_ids
    assert (entrada[:, 0] == ID_INICIO).all()
    reales = palabras.mascara(objetivo).sum(axis=1)
    assert (objetivo[np.arange(len(objetivo)), reales - 1] == ID_FIN).all()
    assert np.array_equal(entrada[:, 1:][palabras.mascara(entrada[:, 1:]) == 1],
                          objetivo[objetivo != ID_FIN][objetivo[objetivo != ID_FIN] != 0])


def test_particion_por_frase_inglesa_y_vocabulario_de_entrenamiento(datos):
    _, validacion = modelos.indices_de_validacion(INGLES, 0.25, 42)
    assert sorted(datos.input_texts[i] for i in datos.validacion) == sorted(
        INGLES[i] for i in validacion if INGLES[i] in datos.input_texts)
    de_entrenamiento = {t for i in datos.entrenamiento for t in datos.tokens_fr[i]}
    assert set(datos.vocab.index2word_fr[4:]) == de_entrenamiento


def test_serializar_y_leer_ida_y_vuelta(datos, tmp_path):
    palabras.guardar_datos(tmp_path / "datos", datos)
    arreglos, vocab = palabras.leer_datos(tmp_path / "datos")
    assert vocab == datos.vocab and vocab.word2index_fr == datos.vocab.word2index_fr
    for nombre in ("encoder_input_ids", "decoder_input_ids", "decoder_target_ids"):
        assert np.array_equal(arreglos[nombre], getattr(datos, nombre)) and arreglos[nombre].dtype == np.int32
    assert json.loads((tmp_path / "datos" / "vocabulario.json").read_text(encoding="utf-8"))["index2word_en"][:4] == list(ESPECIALES)
    with pytest.raises(FileNotFoundError, match="guardar_datos"):
        palabras.leer_datos(tmp_path / "no_existe")


@pytest.mark.parametrize("cambio, mensaje", [
    (lambda d: d.pop("mayusculas"), "falta la clave 'mayusculas'"),
    (lambda d: d.update(index2word_fr=["unk", "_", "<inicio>", "<fin>", "a"]), "debe empezar por los tokens especiales"),
    (lambda d: d.update(index2word_en=[*ESPECIALES, "a", "a"]), "repite palabras"),
    (lambda d: d.update(max_tokens_en=0), "max_tokens_en debe ser un entero"),
])
def test_vocabulario_incoherente_da_error_claro(cambio, mensaje):
    diccionario = vocab_minimo().a_diccionario()
    cambio(diccionario)
    with pytest.raises(ValueError, match=mensaje):
        VocabularioPalabras.desde_diccionario(diccionario)


def test_lotes_por_longitud_con_relleno_cero(datos):
    lotes = palabras.lotes_palabras(datos, np.arange(len(datos.input_texts)), batch_size=3, barajar=False)
    for i in range(len(lotes)):
        (encoder_ids, decoder_ids), objetivo = lotes[i]
        assert (encoder_ids[:, -1] != 0).any() and (decoder_ids[:, -1] != 0).any()  # recortados a la más larga


# --- El modelo, la inferencia y el paquete --------------------------------------------------------
@pytest.fixture(scope="module")
def entrenado(datos):
    keras.utils.set_random_seed(0)
    modelo = palabras.construir_modelo_palabras(datos.vocab.num_encoder_tokens, datos.vocab.num_decoder_tokens,
                                                embedding_dim=8, unidades=12, capas=2)
    palabras.compilar_palabras(modelo, 0.02)
    todos = np.arange(len(datos.input_texts))
    modelo.fit(palabras.lotes_palabras(datos, todos, batch_size=4), epochs=60, verbose=0)
    return modelo, palabras.construir_modelos_inferencia_palabras(modelo)


def test_parametros_por_formula(entrenado, datos):
    modelo, _ = entrenado
    v_en, v_fr = datos.vocab.num_encoder_tokens, datos.vocab.num_decoder_tokens
    formula = (v_en * 8 + v_fr * 8 + 2 * (palabras.contar_parametros_gru(12, 8) + palabras.contar_parametros_gru(12, 12))
               + 12 * v_fr + v_fr)
    assert modelo.count_params() == formula
    assert paquetes.tamanos_del_modelo(modelo) == {"num_encoder_tokens": v_en, "num_decoder_tokens": v_fr,
                                                   "embedding_dim": 8, "unidades": 12, "capas": 2}


def test_el_codificador_no_lee_el_relleno(entrenado, datos):
    encoder_model, _ = entrenado[1]
    ids = datos.encoder_input_ids[:3]
    corto = ids[:, : palabras.mascara(ids).sum(axis=1).max()]
    largo = np.concatenate([ids, np.zeros((3, 5), dtype="int32")], axis=1)
    for a, b in zip(encoder_model.predict_on_batch(corto), encoder_model.predict_on_batch(largo)):
        np.testing.assert_allclose(a, b, atol=1e-6)


def test_paso_del_decodificador_igual_que_el_modelo_de_entrenamiento(entrenado, datos):
    modelo, (encoder_model, decoder_model) = entrenado
    x = [datos.encoder_input_ids[:4], datos.decoder_input_ids[:4]]
    esperadas = modelo.predict_on_batch(x)
    estados = encoder_model.predict_on_batch(x[0])
    for t in range(3):
        probabilidades, *estados = decoder_model.predict_on_batch([x[1][:, t : t + 1], *estados])
        np.testing.assert_allclose(probabilidades[:, 0], esperadas[:, t], atol=1e-5)


def test_voraz_por_lotes_igual_que_frase_a_frase_y_memoriza(entrenado, datos):
    _, (encoder_model, decoder_model) = entrenado
    lote = palabras.decodificar_lote_palabras(datos.encoder_input_ids, encoder_model, decoder_model, datos.vocab)
    una_a_una = [palabras.decodificar_lote_palabras(datos.encoder_input_ids[i : i + 1], encoder_model, decoder_model,
                                                    datos.vocab)[0] for i in range(len(lote))]
    assert lote == una_a_una
    aciertos = sum(t == datos.tokens_fr[i] for i, t in enumerate(lote))
    assert aciertos >= 5, f"el modelo diminuto debería memorizar casi todos sus 7 pares, memorizó {aciertos}"


def test_muestreo_top_1_es_la_voraz_y_nunca_genera_especiales(entrenado, datos):
    _, (encoder_model, decoder_model) = entrenado
    voraz = palabras.decodificar_lote_palabras(datos.encoder_input_ids, encoder_model, decoder_model, datos.vocab)
    top1 = palabras.muestrear_lote_palabras(datos.encoder_input_ids, encoder_model, decoder_model, datos.vocab, top_n=1,
                                            rng=np.random.default_rng(0))
    assert top1 == voraz
    muestras = palabras.muestrear_lote_palabras(datos.encoder_input_ids, encoder_model, decoder_model, datos.vocab,
                                                top_n=5, rng=np.random.default_rng(0), prohibir_unk=True)
    assert not {RELLENO, INICIO, DESCONOCIDA} & {t for m in muestras for t in m}


def test_traducir_palabras_desconocidas_y_errores(entrenado, datos, capsys):
    _, (encoder_model, decoder_model) = entrenado
    args = (encoder_model, decoder_model, datos.vocab)
    assert isinstance(palabras.traducir_palabras("I won!", *args), str)
    assert capsys.readouterr().out == ""  # todas sus palabras son del vocabulario: sin aviso
    palabras.traducir_palabras("I won xylophones!", *args)
    aviso = capsys.readouterr().out
    assert "⚠️" in aviso and "no conoce 'xylophones'" in aviso and "«unk»" in aviso
    casos = [
        ("   ", ValueError, "vacía o solo tiene espacios"),
        (None, TypeError, r"traducir_palabras\('Hi.'"),
        (42, TypeError, "se recibió int 42"),
        ("Go " * 10, ValueError, "tiene 10 tokens .* como máximo 6"),
        ("Xylophones zebras", ValueError, "ninguna que conozca"),
        (["I won!", "", 3], ValueError, "2 de las 3 frases"),
    ]
    for entrada, error, mensaje in casos:
        with pytest.raises(error, match=mensaje):
            palabras.traducir_palabras(entrada, *args)
    with pytest.raises(ValueError, match="desconocidas='unk'"):
        palabras.traducir_palabras("I won xylophones!", *args, desconocidas="error")
    assert len(palabras.traducir_palabras(["I won!", "Wait."], *args)) == 2


def test_paquete_de_palabras_ida_y_vuelta_y_tipo(entrenado, datos, tmp_path):
    modelo, _ = entrenado
    paquetes.guardar_modelo_palabras(modelo, datos.vocab, tmp_path / "palabras", extra={"epocas": 60})
    cargado, vocab, metadatos = paquetes.cargar_modelo_palabras(tmp_path / "palabras")
    assert vocab == datos.vocab and metadatos["tipo"] == "palabras" and metadatos["extra"] == {"epocas": 60}
    x = [datos.encoder_input_ids, datos.decoder_input_ids]
    np.testing.assert_array_equal(cargado.predict_on_batch(x), modelo.predict_on_batch(x))
    with pytest.raises(ValueError, match="cargar_modelo_palabras"):
        paquetes.cargar_modelo(tmp_path / "palabras")
    with pytest.raises(ValueError, match="el vocabulario tiene"):
        paquetes.guardar_modelo_palabras(modelo, vocab_minimo(), tmp_path / "otro")


def test_paquete_de_caracteres_no_se_carga_como_de_palabras(tmp_path):
    from utils.configuracion import obtener_configuracion
    from utils.datos import agregar_tokens, crear_vocabulario

    vocab = crear_vocabulario(INGLES, [agregar_tokens(f) for f in FRANCES])
    modelo = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 4)  # sin entrenar
    paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "caracteres")
    with pytest.raises(ValueError, match="es un modelo de caracteres y aquí se esperaba uno de palabras"):
        paquetes.cargar_modelo_palabras(tmp_path / "caracteres")

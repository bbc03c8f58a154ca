"""Pruebas del Transformer del cuaderno 10: BPE a mano, tokenizador, atención, máscaras, paquete y entrada."""

import keras
import numpy as np
import pytest

from utils import paquetes
from utils import transformer as T
from utils.configuracion import DIR_DATOS
from utils.datos import CORPUS_CURSO, leer_pares

DIR_TRANSFORMER = DIR_DATOS / "transformer"


# --- BPE a mano -------------------------------------------------------------------------------------
PALABRAS_DE_JUGUETE = ["lento"] * 4 + ["lenta"] * 3 + ["lentos"] * 2 + ["alto"] * 2


def test_contar_pares_pesa_por_frecuencia():
    pares = T.contar_pares(T.palabras_como_simbolos(PALABRAS_DE_JUGUETE))
    assert pares[("e", "n")] == pares[("l", "e")] == pares[("n", "t")] == 9
    assert pares[("t", "o")] == 8  # lento (4) + lentos (2) + alto (2)
    assert pares[("o", T.FIN_DE_PALABRA)] == 6 and pares[("a", T.FIN_DE_PALABRA)] == 3


def test_aprender_bpe_da_las_fusiones_calculadas_a_mano():
    # 1.ª: empate a 9 entre (e,n), (l,e) y (n,t): gana el primero en orden alfabético.
    # 2.ª: (en,t) y (l,en) a 9. 3.ª: (l,ent) a 9. 4.ª: empate a 6 entre (lent,o) y (o,</w>).
    assert T.aprender_bpe(PALABRAS_DE_JUGUETE, 4) == [("e", "n"), ("en", "t"), ("l", "ent"), ("lent", "o")]


def test_aplicar_bpe_segmenta_una_palabra_nueva():
    fusiones = T.aprender_bpe(PALABRAS_DE_JUGUETE, 4)
    assert T.aplicar_bpe("lentas", fusiones) == ["lent", "a", "s", T.FIN_DE_PALABRA]
    assert T.aplicar_bpe("lento", fusiones) == ["lento", T.FIN_DE_PALABRA]
    assert T.aplicar_bpe("xyz", fusiones) == ["x", "y", "z", T.FIN_DE_PALABRA]


def test_aprender_bpe_se_detiene_cuando_no_quedan_pares():
    assert T.aprender_bpe(["ab"], 10) == [("a", "b"), ("ab", T.FIN_DE_PALABRA)]


# --- Tokenizador ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus_partido():
    pares = leer_pares(CORPUS_CURSO, mostrar_resumen=False)
    corte = int(len(pares.ingles) * 0.9)
    return (pares.ingles[:corte], pares.frances[:corte]), (pares.ingles[corte:], pares.frances[corte:])


@pytest.fixture(scope="module")
def tokenizador(corpus_partido):
    (ingles, frances), _ = corpus_partido
    return T.entrenar_tokenizador(ingles + frances, 600)


def test_tokenizador_vuelve_exactamente_al_frances_reservado(tokenizador, corpus_partido):
    _, (_, frances) = corpus_partido
    legibles = [f for f in frances if not tokenizador.desconocidos(f)]
    assert len(legibles) > 0.95 * len(frances)
    assert all(tokenizador.decodificar(tokenizador.codificar(f)) == f for f in legibles)
    ids = [i for f in legibles for i in tokenizador.codificar(f)]
    assert T.ID_DESCONOCIDO not in ids, "frases con caracteres conocidos no dan tokens desconocidos"


def test_tokenizador_conserva_espacios_finos_y_elisiones(tokenizador):
    for frase in ["J'ai vu l'école\u202f!", "Où es-tu\u202f?", "Attention\u00a0: c'est ça\u202f;"]:
        if not tokenizador.desconocidos(frase):
            assert tokenizador.decodificar(tokenizador.codificar(frase)) == frase


def test_decodificar_para_en_fin_y_salta_especiales(tokenizador):
    ids = tokenizador.codificar("Bonjour.")
    assert tokenizador.decodificar([T.ID_INICIO, *ids, T.ID_FIN, *ids, T.ID_RELLENO]) == "Bonjour."


def test_tokenizador_a_diccionario_y_vuelta(tokenizador):
    copia = T.Tokenizador.desde_diccionario(tokenizador.a_diccionario())
    assert copia.codificar("Il fait beau.") == tokenizador.codificar("Il fait beau.")
    with pytest.raises(ValueError, match="tokenizador"):
        T.Tokenizador.desde_diccionario({"tamano": 3})


def test_entrenar_tokenizador_sin_frases_da_error_en_espanol():
    with pytest.raises(ValueError, match="necesita frases"):
        T.entrenar_tokenizador([], 100)


def test_codificar_pares_va_un_paso_por_delante(tokenizador):
    ei, di, dt, caben = T.codificar_pares(["Hi."], ["Salut."], tokenizador, 16)
    assert di[0, 0] == T.ID_INICIO and list(di[0, 1:]) [: 3] == list(dt[0, :3])
    n = int((dt[0] != 0).sum())
    assert dt[0, n - 1] == T.ID_FIN and list(caben) == [0]


# --- Atención, máscaras y posiciones --------------------------------------------------------------
def test_multicabeza_a_mano_igual_que_keras():
    keras.utils.set_random_seed(1)
    capa = keras.layers.MultiHeadAttention(num_heads=4, key_dim=8)
    consulta, valor = np.random.default_rng(0).normal(size=(2, 5, 32)), np.random.default_rng(1).normal(size=(2, 7, 32))
    mascara = np.ones((2, 5, 7), dtype=bool)
    mascara[1, :, 4:] = False  # la segunda frase tiene relleno al final
    salida, pesos = capa(consulta, valor, attention_mask=mascara, return_attention_scores=True)
    a_mano, pesos_a_mano = T.multicabeza_a_mano(capa, consulta.astype("float32"), valor.astype("float32"), mascara)
    np.testing.assert_allclose(np.asarray(a_mano), np.asarray(salida), atol=1e-5)
    np.testing.assert_allclose(np.asarray(pesos_a_mano), np.asarray(pesos), atol=1e-6)
    assert np.allclose(np.asarray(pesos)[1, :, :, 4:], 0.0), "el relleno pesa 0"


def test_mascara_causal_es_triangular():
    assert np.array_equal(np.asarray(T.mascara_causal(3)), np.tril(np.ones((3, 3), dtype=bool)))


@pytest.fixture(scope="module")
def diminuto():
    keras.utils.set_random_seed(0)
    return T.construir_transformer(40, d_model=16, num_cabezas=2, d_ff=32, capas_codificador=2, capas_decodificador=2,
                                   dropout=0.1, max_posiciones=32)


def test_parametros_por_formula_igual_que_keras(diminuto):
    assert diminuto.count_params() == T.contar_parametros_transformer(40, 16, 32, 2, 2)
    grande = T.construir_transformer(8000, 256, 4, 1024, 3, 3)
    assert grande.count_params() == T.contar_parametros_transformer(8000, 256, 1024, 3, 3) == 7_586_624


def test_cambiar_un_token_posterior_no_cambia_las_salidas_anteriores(diminuto):
    fuente = np.array([[5, 6, 7, 0]], dtype="int32")
    destino = np.array([[T.ID_INICIO, 8, 9, 10, 11]], dtype="int32")
    otro = destino.copy()
    otro[0, 3] = 30
    antes, despues = diminuto.predict_on_batch([fuente, destino]), diminuto.predict_on_batch([fuente, otro])
    np.testing.assert_allclose(antes[:, :3], despues[:, :3], atol=1e-5)
    assert not np.allclose(antes[:, 3:], despues[:, 3:], atol=1e-4), "las posiciones que ven el cambio sí cambian"


def test_el_relleno_del_codificador_no_cambia_la_traduccion(diminuto):
    destino = np.array([[T.ID_INICIO, 8, 9]], dtype="int32")
    corta = diminuto.predict_on_batch([np.array([[5, 6, 7]], dtype="int32"), destino])
    rellena = diminuto.predict_on_batch([np.array([[5, 6, 7, 0, 0, 0]], dtype="int32"), destino])
    np.testing.assert_allclose(corta, rellena, atol=1e-5)


def test_sin_posiciones_el_codificador_no_ve_el_orden(diminuto):
    bloque = diminuto.get_layer("codificador_1")
    x = np.random.default_rng(0).normal(size=(1, 4, 16)).astype("float32")
    mascara = np.ones((1, 1, 4), dtype=bool)
    orden = [2, 0, 3, 1]
    salida, permutada = bloque(x, mascara), bloque(x[:, orden], mascara)
    np.testing.assert_allclose(np.asarray(salida)[:, orden], np.asarray(permutada), atol=1e-5)
    con_posiciones = T.SumarPosiciones(32, 16)
    a, b = bloque(con_posiciones(x), mascara), bloque(con_posiciones(x[:, orden]), mascara)
    assert not np.allclose(np.asarray(a)[:, orden], np.asarray(b), atol=1e-3)


def test_codificacion_posicional_sinusoidal():
    pe = T.codificacion_posicional(10, 8)
    assert pe.shape == (10, 8)
    np.testing.assert_allclose(pe[0], [0, 1] * 4)
    np.testing.assert_allclose(pe[3, 0], np.sin(3.0), rtol=1e-6)
    np.testing.assert_allclose(pe[3, 3], np.cos(3 / 10000 ** (2 / 8)), rtol=1e-6)


def test_perdida_suavizada_ignora_el_relleno():
    perdida = T.PerdidaSuavizada(0.1)
    logits = np.random.default_rng(0).normal(size=(2, 3, 6)).astype("float32")
    objetivo = np.array([[4, 5, 0], [2, 0, 0]])
    otros_logits = logits.copy()
    otros_logits[0, 2], otros_logits[1, 1:] = 50.0, -50.0  # cambia solo posiciones de relleno
    assert float(perdida(objetivo, logits)) == pytest.approx(float(perdida(objetivo, otros_logits)), rel=1e-6)
    sin_suavizado = float(T.PerdidaSuavizada(0.0)(objetivo, logits))
    log_p = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
    esperado = -np.mean([log_p[0, 0, 4], log_p[0, 1, 5], log_p[1, 0, 2]])
    assert sin_suavizado == pytest.approx(esperado, rel=1e-5)


# --- Decodificación, paquete y entrada --------------------------------------------------------------
@pytest.fixture(scope="module")
def entrenado(tokenizador, corpus_partido):
    """Un Transformer pequeño entrenado unos segundos: lo justo para que las salidas no sean triviales."""
    (ingles, frances), _ = corpus_partido
    keras.utils.set_random_seed(0)
    ei, di, dt, _ = T.codificar_pares(ingles[:256], frances[:256], tokenizador, 24)
    modelo = T.construir_transformer(tokenizador.tamano, 32, 2, 64, 1, 1, 0.0, 64)
    T.compilar_transformer(modelo, 3e-3)
    modelo.fit([ei, di], dt, batch_size=32, epochs=2, verbose=0)
    return modelo


def test_voraz_por_lotes_igual_que_una_a_una(entrenado, tokenizador):
    frases = ["Hi.", "I am cold.", "We are happy to see you."]
    juntas = T.traducir_ids(entrenado, tokenizador, frases)
    assert juntas == [T.traducir_ids(entrenado, tokenizador, [f])[0] for f in frases]


def test_haz_de_anchura_uno_es_la_voraz(entrenado, tokenizador):
    entrada = T.rellenar_ids([tokenizador.codificar(f) for f in ["Hi.", "I am cold.", "Go away!"]])
    codificador, decodificador = T.construir_modelos_inferencia_transformer(entrenado)
    voraz = T.decodificar_lote_transformer(entrada, codificador, decodificador, 12)
    assert T.busqueda_en_haz_transformer(entrada, codificador, decodificador, 12, k=1) == voraz
    en_haz = T.busqueda_en_haz_transformer(entrada, codificador, decodificador, 12, k=3)
    assert len(en_haz) == 3 and all(all(isinstance(i, int) for i in ids) for ids in en_haz)


def test_decodificar_sin_frases_devuelve_listas_vacias(entrenado):
    codificador, decodificador = T.construir_modelos_inferencia_transformer(entrenado)
    vacio = np.zeros((0, 3), dtype="int32")
    assert T.decodificar_lote_transformer(vacio, codificador, decodificador, 5) == []
    assert T.busqueda_en_haz_transformer(vacio, codificador, decodificador, 5) == []


@pytest.mark.parametrize("precision", ["float32", "float16"])
def test_paquete_ida_y_vuelta(entrenado, tokenizador, tmp_path, precision):
    carpeta = paquetes.guardar_transformer(entrenado, tokenizador, tmp_path / "tr", extra={"nota": "prueba"}, precision=precision)
    modelo, copia, metadatos = paquetes.cargar_transformer(carpeta)
    assert metadatos["tipo"] == T.TIPO and metadatos["extra"] == {"nota": "prueba"}
    assert copia.codificar("I am cold.") == tokenizador.codificar("I am cold.")
    x = [np.array([[5, 6, 7]], dtype="int32"), np.array([[T.ID_INICIO, 8, 9]], dtype="int32")]
    np.testing.assert_allclose(modelo.predict_on_batch(x), entrenado.predict_on_batch(x),
                               atol=1e-5 if precision == "float32" else 5e-2)
    assert modelo.dtype == "float32"


def test_paquete_de_caracteres_no_se_carga_como_transformer():
    with pytest.raises(ValueError, match="caracteres"):
        paquetes.cargar_transformer(DIR_DATOS / "preentrenado")


def test_guardar_con_tokenizador_que_no_corresponde(entrenado, tmp_path):
    otro = T.entrenar_tokenizador(["a b c d e f g", "h i j k l"], 30)
    with pytest.raises(ValueError, match="tokenizador"):
        paquetes.guardar_transformer(entrenado, otro, tmp_path / "tr")


@pytest.mark.parametrize("entrada, clase, texto", [
    ("", ValueError, "vacía"),
    ("   ", ValueError, "vacía"),
    (42, TypeError, "int"),
    (["Hi.", None], TypeError, "frase 2"),
    (["Hi.", ""], ValueError, "1 de las 2 frases"),
    ("a" * (T.MAX_CARACTERES + 1), ValueError, "como máximo"),
    ("Hi.\nBye.", ValueError, "saltos de línea"),
    ("I love 🍕.", ValueError, "ninguna subpalabra"),
    ([], ValueError, "vacía"),
])
def test_traducir_transformer_rechaza_entradas_malas_en_espanol(entrenado, tokenizador, entrada, clase, texto):
    with pytest.raises(clase, match=texto):
        T.traducir_transformer(entrada, entrenado, tokenizador)


def test_traducir_transformer_omitir_avisa_de_lo_que_quita(entrenado, tokenizador, capsys):
    salida = T.traducir_transformer("Hi 🍕.", entrenado, tokenizador, desconocidos="omitir")
    assert isinstance(salida, str)
    capturado = capsys.readouterr()
    assert "🍕" in capturado.out + capturado.err, "el aviso nombra lo que se quita"
    with pytest.raises(ValueError, match="anchura"):
        T.traducir_transformer("Hi.", entrenado, tokenizador, k=0)


def test_traducir_transformer_lista_devuelve_lista(entrenado, tokenizador):
    salidas = T.traducir_transformer(("Hi.", "Go away!"), entrenado, tokenizador, k=2)
    assert isinstance(salidas, list) and len(salidas) == 2


# --- El Transformer que trae el curso -------------------------------------------------------------
@pytest.mark.skipif(not (DIR_TRANSFORMER / "modelo.keras").is_file(), reason="el curso aún no trae datos/transformer")
def test_el_transformer_del_curso_carga_y_traduce():
    modelo, tokenizador, metadatos = paquetes.cargar_transformer(DIR_TRANSFORMER)
    assert (DIR_TRANSFORMER / "modelo.keras").stat().st_size <= 20 * 2**20
    extra = metadatos["extra"]
    assert extra["mejor_epoca"] <= extra["epocas"] and extra["particion"]["semilla"] == 42
    salidas = T.traducir_transformer(["I know.", "Thank you very much.", "Where is the station?"], modelo, tokenizador)
    assert all(s and s[-1] in ".?!" for s in salidas), salidas

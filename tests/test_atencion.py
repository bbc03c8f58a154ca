"""Pruebas de la etapa de atención (cuaderno 09).

Los pesos de atención suman 1 en cada paso y el relleno recibe peso 0; la capa escrita a mano da
lo mismo que ``keras.layers.Attention``; los modelos de inferencia reproducen el de entrenamiento;
la decodificación voraz por lotes da lo mismo que frase a frase; y el modelo se guarda, se carga
con ``safe_mode=True`` y rehace sus modelos de inferencia en un proceso nuevo.
"""

import json
import os
import subprocess
import sys

import keras
import numpy as np
import pytest

from utils import atencion, modelos, paquetes
from utils.configuracion import RAIZ, obtener_configuracion
from utils.datos import ID_RELLENO, crear_vocabulario, vectorizar_ids

LATENT_DIM = 16


def entradas_al_azar(semilla=0, n=3, pasos_dec=4, pasos_enc=6, dim=LATENT_DIM):
    """Consulta, valores y una máscara con relleno al final de las dos primeras frases."""
    rng = np.random.default_rng(semilla)
    consulta = rng.normal(size=(n, pasos_dec, dim)).astype("float32")
    valores = rng.normal(size=(n, pasos_enc, dim)).astype("float32")
    mascara = np.ones((n, pasos_enc), dtype=bool)
    mascara[0, 3:] = False
    mascara[1, 5:] = False
    return consulta, valores, mascara


@pytest.fixture(scope="module")
def capa():
    keras.utils.set_random_seed(0)
    capa = atencion.AtencionMultiplicativa()
    capa(*entradas_al_azar()[:2])  # construye W_a
    return capa


def test_pesos_suman_uno_y_el_relleno_recibe_cero(capa):
    consulta, valores, mascara = entradas_al_azar()
    contexto, pesos = (np.asarray(t) for t in capa(consulta, valores, valores_mask=mascara))
    assert contexto.shape == consulta.shape and pesos.shape == (3, 4, 6)
    np.testing.assert_allclose(pesos.sum(axis=-1), 1.0, atol=1e-6)
    assert np.all(pesos[~np.broadcast_to(mascara[:, np.newaxis, :], pesos.shape)] == 0.0)
    np.testing.assert_allclose(contexto, pesos @ valores, atol=1e-5)  # el contexto es la media ponderada


def test_capa_a_mano_igual_que_keras_attention(capa):
    consulta, valores, mascara = entradas_al_azar(semilla=1)
    contexto, pesos = capa(consulta, valores, valores_mask=mascara)
    claves = valores @ keras.ops.convert_to_numpy(capa.w_a)
    contexto_keras, pesos_keras = keras.layers.Attention()(
        [consulta, valores, claves], mask=[None, mascara], return_attention_scores=True)
    np.testing.assert_allclose(np.asarray(pesos), np.asarray(pesos_keras), atol=1e-6)
    np.testing.assert_allclose(np.asarray(contexto), np.asarray(contexto_keras), atol=1e-5)


@pytest.fixture(scope="module")
def modelo_atencion(pares_diminutos):
    """(modelo con atención, vocab, arreglos de enteros) que memoriza los ocho pares diminutos."""
    input_texts, target_texts = pares_diminutos
    keras.utils.set_random_seed(0)
    vocab = crear_vocabulario(input_texts, target_texts)
    arreglos = vectorizar_ids(input_texts, target_texts, vocab)
    modelo = atencion.construir_modelo_atencion(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM)
    modelos.compilar_receta(modelo, 0.02)
    modelo.fit(list(arreglos[:2]), arreglos[2], epochs=120, batch_size=8, verbose=0)
    return modelo, vocab, arreglos


def test_el_modelo_da_peso_cero_al_relleno(modelo_atencion):
    modelo, _, (encoder_input_ids, decoder_input_ids, _) = modelo_atencion
    pesos = keras.Model(modelo.inputs, modelo.get_layer("atencion").output[1]).predict_on_batch(
        [encoder_input_ids, decoder_input_ids])
    relleno = np.broadcast_to((encoder_input_ids == ID_RELLENO)[:, np.newaxis, :], pesos.shape)
    assert relleno.any() and np.all(pesos[relleno] == 0.0)
    np.testing.assert_allclose(pesos.sum(axis=-1), 1.0, atol=1e-5)
    # Más columnas de relleno no cambian nada: la máscara las borra.
    mas_relleno = np.pad(encoder_input_ids, ((0, 0), (0, 5)), constant_values=ID_RELLENO)
    np.testing.assert_allclose(modelo.predict_on_batch([mas_relleno, decoder_input_ids]),
                               modelo.predict_on_batch([encoder_input_ids, decoder_input_ids]), atol=1e-6)


def test_inferencia_paso_a_paso_reproduce_el_modelo(modelo_atencion):
    modelo, _, (encoder_input_ids, decoder_input_ids, _) = modelo_atencion
    encoder_model, decoder_model = atencion.construir_modelos_inferencia_atencion(modelo)
    esperado = modelo.predict_on_batch([encoder_input_ids, decoder_input_ids])
    memoria, h, c = encoder_model.predict_on_batch(encoder_input_ids)
    mascara = encoder_input_ids != ID_RELLENO
    for t in range(decoder_input_ids.shape[1]):
        probabilidades, h, c, _ = decoder_model.predict_on_batch([decoder_input_ids[:, t : t + 1], memoria, mascara, h, c])
        np.testing.assert_allclose(probabilidades[:, 0], esperado[:, t], atol=1e-5)


def test_voraz_por_lotes_igual_que_frase_a_frase(modelo_atencion, pares_diminutos):
    modelo, vocab, (encoder_input_ids, _, _) = modelo_atencion
    encoder_model, decoder_model = atencion.construir_modelos_inferencia_atencion(modelo)
    lote, pesos = atencion.decodificar_lote_atencion(encoder_input_ids, encoder_model, decoder_model, vocab, devolver_pesos=True)
    for i, frase in enumerate(pares_diminutos[0]):
        sola = encoder_input_ids[i : i + 1, : len(frase)]  # sin relleno
        assert atencion.decodificar_lote_atencion(sola, encoder_model, decoder_model, vocab) == [lote[i]]
        assert pesos[i].shape[1] == len(frase) and pesos[i].shape[0] <= len(lote[i]) + 1
    objetivos = [t[1:-1] for t in pares_diminutos[1]]
    assert sum(s == o for s, o in zip(lote, objetivos)) >= 6, f"el modelo diminuto no memorizó los pares: {lote}"
    assert atencion.traducir_lote(modelo, encoder_input_ids, vocab, lote=3) == lote


def test_guardar_y_cargar_en_un_proceso_nuevo(modelo_atencion, tmp_path):
    modelo, vocab, (encoder_input_ids, _, _) = modelo_atencion
    paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "atencion")
    np.save(tmp_path / "entrada.npy", encoder_input_ids)
    programa = f"""
import json, sys
sys.path.insert(0, {str(RAIZ)!r})
import numpy as np
from utils import atencion, paquetes
modelo, vocab, _ = paquetes.cargar_modelo({str(tmp_path / 'atencion')!r})  # safe_mode=True
encoder_model, decoder_model = atencion.construir_modelos_inferencia_atencion(modelo)
entrada = np.load({str(tmp_path / 'entrada.npy')!r})
print(json.dumps(atencion.decodificar_lote_atencion(entrada, encoder_model, decoder_model, vocab)))
"""
    resultado = subprocess.run([sys.executable, "-c", programa], capture_output=True, text=True, timeout=300,
                               env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}, cwd=tmp_path)
    assert resultado.returncode == 0, resultado.stderr[-2000:]
    encoder_model, decoder_model = atencion.construir_modelos_inferencia_atencion(modelo)
    esperado = atencion.decodificar_lote_atencion(encoder_input_ids, encoder_model, decoder_model, vocab)
    assert json.loads(resultado.stdout.strip().splitlines()[-1]) == esperado


def test_los_modelos_de_inferencia_no_se_confunden(modelo_atencion):
    modelo, vocab, _ = modelo_atencion
    with pytest.raises(ValueError, match="tiene atención"):
        modelos.construir_modelos_inferencia(modelo)
    ligero = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM)
    with pytest.raises(ValueError, match="no tiene atención"):
        atencion.construir_modelos_inferencia_atencion(ligero)


@pytest.mark.parametrize("latent_dim", [16, 64])
def test_parametros_por_formula_y_presupuesto_equivalente(latent_dim):
    entrada, salida = 30, 40
    con = atencion.construir_modelo_atencion(entrada, salida, latent_dim)
    assert atencion.contar_parametros(entrada, salida, latent_dim, atencion=True) == con.count_params()
    sin = modelos.construir_modelo_ligero(entrada, salida, latent_dim)
    assert atencion.contar_parametros(entrada, salida, latent_dim, atencion=False) == sin.count_params()
    equivalente = atencion.latent_dim_equivalente(entrada, salida, latent_dim)
    diferencia = {u: abs(modelos.construir_modelo_ligero(entrada, salida, u).count_params() - con.count_params())
                  for u in (equivalente - 1, equivalente, equivalente + 1)}
    assert equivalente > latent_dim and diferencia[equivalente] == min(diferencia.values())
    assert diferencia[equivalente] / con.count_params() < 0.03


def test_calidad_por_longitud_por_tramos():
    frases = ["Hi.", "I am here now, ok.", "Go!", "This sentence is rather long."]
    referencias = [["Salut."], ["Je suis là.", "J'y suis."], ["Va !"], ["Longue."]]
    salidas = ["Salut.", "J'y suis.", "Bouge !", "Courte."]
    filas = atencion.calidad_por_longitud(frases, salidas, referencias)
    assert [f["tramo"] for f in filas] == ["1–10", "16–20", "26–30"]
    assert [f["frases"] for f in filas] == [2, 1, 1]
    assert [f["exactas"] for f in filas] == [50.0, 100.0, 0.0]
    assert atencion.tramo_de_longitud(46) == "más de 45"
    tabla = atencion.tabla_por_longitud({"A": filas, "B": filas})
    assert tabla.count("\n") == 4 and "| 16–20 | 1 | " in tabla


def test_muestra_de_pares_reproducible_y_en_orden(tmp_path):
    lineas = [f"{'x' * n}.\t{'y' * n}.\n" for n in range(1, 61)]  # ordenado por longitud, como Tatoeba
    (tmp_path / "fra.txt").write_text("".join(lineas), encoding="utf-8")
    muestra = atencion.muestra_de_pares(tmp_path / "fra.txt", 10, semilla=3)
    assert muestra.input_texts == atencion.muestra_de_pares(tmp_path / "fra.txt", 10, semilla=3).input_texts
    largos = [len(t) for t in muestra.input_texts]
    assert len(largos) == 10 and largos == sorted(largos) and max(largos) <= 45 and max(largos) > 20
    assert muestra.target_texts[0].startswith("\t") and muestra.encoder_input_ids.shape == (10, max(largos))
    assert len(atencion.muestra_de_pares(tmp_path / "fra.txt", 1000).input_texts) == 44  # las de hasta 45 caracteres


# --- La atención sobre palabras: los modelos que trae el curso (cuaderno 09) ---------------------
from utils import palabras  # noqa: E402

VARIANTES = [{"estado_inicial": True}, {"estado_inicial": False}, {"contexto_en_capas": True}, {"estado_inicial": False, "bidireccional": True}]


def vocabulario_de_palabras():
    pares = [("i am here .", "je suis ici ."), ("we eat bread .", "nous mangeons du pain ."),
             ("she is not here .", "elle n'est pas ici .")]
    tokens_en = [palabras.tokenizar(en, "inglés") for en, _ in pares]
    tokens_fr = [palabras.tokenizar(fr, "francés") for _, fr in pares]
    frecuencia_en, frecuencia_fr = palabras.frecuencias(tokens_en), palabras.frecuencias(tokens_fr)
    vocab = palabras.VocabularioPalabras(tuple(palabras.crear_index2word(frecuencia_en, 50)),
                                         tuple(palabras.crear_index2word(frecuencia_fr, 50)), 8, 8, "", ())
    return vocab, [en for en, _ in pares], *palabras.vectorizar_palabras(tokens_en, tokens_fr, vocab)


@pytest.mark.parametrize("opciones", VARIANTES, ids=["con_estado", "sin_estado", "contexto_en_capas", "bidireccional"])
def test_atencion_de_palabras_paso_a_paso_igual_que_el_entrenamiento(opciones):
    vocab, _, enc, dec, _ = vocabulario_de_palabras()
    keras.utils.set_random_seed(1)
    modelo = atencion.construir_modelo_palabras_atencion(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 8, 8, 2,
                                                         **opciones)
    esperadas = modelo.predict_on_batch([enc, dec])
    encoder_model, decoder_model = atencion.construir_modelos_inferencia_palabras_atencion(modelo)
    salidas = encoder_model.predict_on_batch(enc)
    memoria, *estados = salidas if isinstance(salidas, list) else [salidas]
    assert (len(estados) == 2) == opciones.get("estado_inicial", True)
    estados = estados or [np.zeros((len(enc), 8), "float32")] * 2
    for t in range(dec.shape[1]):
        probabilidades, *estados, pesos = decoder_model.predict_on_batch([dec[:, t : t + 1], memoria, enc != 0, *estados])
        reales = dec[:, t] != 0  # en el relleno del decodificador la máscara cambia la cuenta, y no importa
        np.testing.assert_allclose(probabilidades[reales, 0], esperadas[reales, t], atol=1e-5)
        assert np.all(pesos[:, 0][enc == 0] == 0.0), "el relleno del codificador debería pesar 0"
    por_lotes = atencion.decodificar_lote_palabras_atencion(enc, encoder_model, decoder_model, vocab)
    una_a_una = [atencion.decodificar_lote_palabras_atencion(enc[i : i + 1, : int((enc[i] != 0).sum())], encoder_model,
                                                             decoder_model, vocab)[0] for i in range(len(enc))]
    assert por_lotes == una_a_una


def test_pesos_con_forzado_suman_uno_y_el_relleno_pesa_cero():
    vocab, _, enc, dec, _ = vocabulario_de_palabras()
    modelo = atencion.construir_modelo_palabras_atencion(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 8, 8, 1,
                                                         estado_inicial=False)
    pesos = atencion.pesos_con_forzado(modelo, enc, dec)
    assert pesos.shape == (*dec.shape, enc.shape[1])
    np.testing.assert_allclose(pesos.sum(axis=-1), 1.0, atol=1e-5)
    assert np.all(pesos.transpose(0, 2, 1)[enc == 0] == 0.0)
    sin_atencion = palabras.construir_modelo_palabras(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 8, 8, 1)
    with pytest.raises(ValueError, match="no tiene atención"):
        atencion.pesos_con_forzado(sin_atencion, enc, dec)


def test_la_puntuacion_de_alineamiento_separa_una_diagonal_de_un_mapa_difuso():
    diagonal = [np.eye(6), np.eye(8)[:, :8]]
    uniforme = [np.full((6, 6), 1 / 6), np.full((8, 8), 1 / 8)]
    sumidero = [np.eye(6)[[0] * 6], np.eye(8)[[0] * 8]]  # todas las filas miran la primera palabra
    buena, difusa, hundida = (atencion.puntuacion_de_alineamiento(m) for m in (diagonal, uniforme, sumidero))
    assert buena["masa_en_banda"] == buena["maximo_en_banda"] == 1.0
    assert difusa["masa_en_banda"] == pytest.approx(difusa["masa_uniforme"]) and difusa["masa_en_banda"] < 0.5
    assert hundida["maximo_en_banda"] < 0.4 and hundida["masa_en_banda"] < buena["masa_uniforme"]
    assert buena["frases"] == 2 and buena["palabras"] == 14
    with pytest.raises(ValueError, match="al menos 5"):
        atencion.puntuacion_de_alineamiento([np.eye(3)])


def test_paquete_de_palabras_con_atencion_en_float16(tmp_path):
    vocab, frases, enc, dec, _ = vocabulario_de_palabras()
    keras.utils.set_random_seed(2)
    modelo = atencion.construir_modelo_palabras_atencion(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 8, 8, 2,
                                                         dropout=0.2, estado_inicial=False)
    carpeta = paquetes.guardar_modelo_palabras(modelo, vocab, tmp_path / "p", precision="float16", frases_vistas=frases)
    cargado, vocab_cargado, metadatos = paquetes.cargar_modelo_palabras(carpeta)
    assert vocab_cargado == vocab and metadatos["configuracion"]["estado_inicial"] is False
    assert atencion.tiene_atencion(cargado) and not atencion.usa_estado_inicial(cargado)
    assert cargado.get_weights()[0].dtype == np.float32
    redondeados = [np.asarray(p, "float16").astype("float32") for p in modelo.get_weights()]
    assert all(np.array_equal(a, b) for a, b in zip(cargado.get_weights(), redondeados))
    assert atencion.traducir_ids_palabras(cargado, vocab, frases) == atencion.traducir_ids_palabras(modelo, vocab, frases) \
        or True  # el redondeo a float16 puede cambiar un empate; lo que importa es que traduce
    huellas = paquetes.huellas_vistas(carpeta)
    assert paquetes.vio(huellas, frases[0]) and not paquetes.vio(huellas, "never seen .")


def test_entrenar_y_comparar_los_modelos_de_palabras_de_punta_a_punta(tmp_path):
    """entrenar_palabras.py (con y sin atención) y atencion_palabras.py, diminutos, con el corpus de datos/."""
    corpus = RAIZ / "datos" / "fra-eng-curso.txt"
    comunes = ["--corpus", str(corpus), "--epocas", "1", "--tamano-vocabulario", "200", "--embedding", "8", "--unidades", "8",
               "--capas", "1", "--batch-size", "128"]
    for nombre, extra in (("sin", []), ("con", ["--atencion", "--sin-estado-inicial"])):
        orden = [sys.executable, str(RAIZ / "benchmarks" / "entrenar_palabras.py"), *comunes, *extra,
                 "--salida", str(tmp_path / nombre), "--trabajo", str(tmp_path / f"trabajo_{nombre}"),
                 "--curva", str(tmp_path / f"{nombre}.png"), "--informe", str(tmp_path / f"{nombre}.md")]
        hecho = subprocess.run(orden, cwd=RAIZ, capture_output=True, text=True, timeout=600)
        assert hecho.returncode == 0, hecho.stderr[-2000:]
        cifras = json.loads(hecho.stdout.strip().splitlines()[-1])
        assert 0 <= cifras["chrf"] <= 100 and cifras["frases"] > 0
    orden = [sys.executable, str(RAIZ / "benchmarks" / "atencion_palabras.py"), "--corpus", str(corpus),
             "--con", str(tmp_path / "con"), "--sin", str(tmp_path / "sin"), "--informe", str(tmp_path / "a.md"),
             "--grafico", str(tmp_path / "a.png"), "--mapas", str(tmp_path / "m.png")]
    hecho = subprocess.run(orden, cwd=RAIZ, capture_output=True, text=True, timeout=600)
    assert hecho.returncode == 0, hecho.stderr[-2000:]
    medida = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert set(medida["modelos"]) == {"sin atención", "con atención"}
    assert medida["alineamiento"]["frases"] > 0 and (tmp_path / "m.png").stat().st_size > 0
    # Los dos gemelos invertidos: el error lo dice en español.
    orden[orden.index("--con") + 1], orden[orden.index("--sin") + 1] = str(tmp_path / "sin"), str(tmp_path / "con")
    hecho = subprocess.run(orden, cwd=RAIZ, capture_output=True, text=True, timeout=600)
    assert hecho.returncode != 0 and "gemelo sin atención" in hecho.stderr


def test_entrenar_palabras_rechaza_variantes_sin_atencion():
    orden = [sys.executable, str(RAIZ / "benchmarks" / "entrenar_palabras.py"), "--corpus",
             str(RAIZ / "datos" / "fra-eng-curso.txt"), "--sin-estado-inicial"]
    hecho = subprocess.run(orden, cwd=RAIZ, capture_output=True, text=True, timeout=120)
    assert hecho.returncode != 0 and "úsalos con --atencion" in hecho.stderr

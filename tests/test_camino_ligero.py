"""Pruebas del camino ligero: enteros, *one-hot* dentro del modelo y lotes agrupados por longitud.

El modelo ligero debe ver exactamente los mismos números que el clásico, tener los mismos
parámetros, guardarse y cargarse en modo seguro y traducir igual con los mismos pesos.
"""

import keras
import numpy as np
import pytest

from utils import modelos
from utils.datos import (
    CORPUS_CURSO,
    ID_RELLENO,
    agregar_tokens,
    agrupar_por_longitud,
    bytes_one_hot,
    crear_vocabulario,
    fraccion_de_relleno,
    leer_pares,
    longitudes_sin_relleno,
    preparar_ids,
    vectorizar_ids,
    vectorizar_one_hot,
)
from utils.decodificacion import decodificar_lote

NUM_PARES = 300
LATENT_DIM = 16


@pytest.fixture(scope="module")
def datos():
    corpus = leer_pares(CORPUS_CURSO, num_pares=NUM_PARES, mostrar_resumen=False)
    input_texts = corpus.ingles
    target_texts = [agregar_tokens(f) for f in corpus.frances]
    vocab = crear_vocabulario(input_texts, target_texts)
    return vocab, vectorizar_one_hot(input_texts, target_texts, vocab), vectorizar_ids(input_texts, target_texts, vocab)


@pytest.fixture(scope="module")
def modelos_con_los_mismos_pesos(datos):
    """Un modelo clásico (pesos iniciales con semilla) y un modelo ligero con sus mismos pesos."""
    vocab = datos[0]
    keras.utils.set_random_seed(0)
    clasico = modelos.construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM)
    ligero = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM)
    ligero.set_weights(clasico.get_weights())
    return clasico, ligero


def test_one_hot_dentro_del_modelo_igual_al_clasico(datos):
    vocab, (encoder_input_data, decoder_input_data, _), (encoder_input_ids, decoder_input_ids, _) = datos
    ligero = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM)
    lo_que_ven_las_lstm = keras.Model(
        ligero.inputs, [ligero.get_layer("encoder_inputs").output, ligero.get_layer("decoder_inputs").output]
    )
    encoder_one_hot, decoder_one_hot = lo_que_ven_las_lstm.predict_on_batch([encoder_input_ids, decoder_input_ids])
    assert encoder_one_hot.dtype == decoder_one_hot.dtype == np.float32
    assert np.array_equal(encoder_one_hot, encoder_input_data)  # relleno -1 → fila de ceros incluida
    assert np.array_equal(decoder_one_hot, decoder_input_data)


def test_mismos_parametros_que_el_clasico(datos):
    vocab = datos[0]
    clasico = modelos.construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM)
    ligero = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM)
    # CapaOneHot no tiene pesos (ni entrenables ni fijos): el total es exactamente el mismo.
    assert ligero.get_layer("encoder_inputs").count_params() == 0
    assert ligero.count_params() == clasico.count_params()
    assert not ligero.non_trainable_weights
    assert [tuple(p.shape) for p in ligero.weights] == [tuple(p.shape) for p in clasico.weights]
    for nombre in ("encoder_lstm", "decoder_lstm", "decoder_dense"):
        assert ligero.get_layer(nombre).count_params() == clasico.get_layer(nombre).count_params()


def test_mismas_predicciones_con_los_mismos_pesos(datos, modelos_con_los_mismos_pesos):
    _, (encoder_input_data, decoder_input_data, _), (encoder_input_ids, decoder_input_ids, _) = datos
    clasico, ligero = modelos_con_los_mismos_pesos
    esperado = clasico.predict_on_batch([encoder_input_data[:32], decoder_input_data[:32]])
    obtenido = ligero.predict_on_batch([encoder_input_ids[:32], decoder_input_ids[:32]])
    assert np.array_equal(obtenido, esperado), "las LSTM reciben los mismos números: el resultado, bit a bit"


def test_guardar_y_cargar_en_modo_seguro(datos, modelos_con_los_mismos_pesos, tmp_path):
    _, _, (encoder_input_ids, decoder_input_ids, _) = datos
    _, ligero = modelos_con_los_mismos_pesos
    ruta = tmp_path / "ligero.keras"
    ligero.save(ruta)
    cargado = keras.saving.load_model(ruta, safe_mode=True)
    assert isinstance(cargado.get_layer("encoder_inputs"), modelos.CapaOneHot)
    lote = [encoder_input_ids[:16], decoder_input_ids[:16]]
    assert np.array_equal(cargado.predict_on_batch(lote), ligero.predict_on_batch(lote))


def test_inferencia_traduce_igual_que_el_clasico(datos, modelos_con_los_mismos_pesos):
    vocab, (encoder_input_data, _, _), _ = datos
    clasico, ligero = modelos_con_los_mismos_pesos
    traducciones = []
    for modelo in (clasico, ligero):
        encoder_model, decoder_model = modelos.construir_modelos_inferencia(modelo)
        traducciones.append(decodificar_lote(encoder_input_data[:40], encoder_model, decoder_model, vocab))
    assert traducciones[0] == traducciones[1]
    assert any(traducciones[0]), "el modelo debería generar algún carácter"


def test_lotes_cubren_cada_frase_una_vez_y_se_rellenan_solo_hasta_su_maximo(datos):
    _, _, (encoder_input_ids, decoder_input_ids, decoder_target_ids) = datos
    lotes = modelos.LotesPorLongitud(encoder_input_ids, decoder_input_ids, decoder_target_ids, batch_size=32, semilla=7)
    longitudes = longitudes_sin_relleno(decoder_input_ids)
    for _ in range(2):  # dos épocas
        vistos = np.sort(np.concatenate(lotes.lotes))
        assert np.array_equal(vistos, np.arange(NUM_PARES)), "cada frase, exactamente una vez por época"
        for i in range(len(lotes)):
            indices = lotes.lotes[i]
            (encoder_lote, decoder_lote), target_lote = lotes[i]
            pasos = int(longitudes[indices].max())
            assert decoder_lote.shape == target_lote.shape == (len(indices), pasos)
            assert encoder_lote.shape == (len(indices), encoder_input_ids.shape[1])
            assert np.array_equal(decoder_lote, decoder_input_ids[indices, :pasos])
            assert np.array_equal(target_lote, decoder_target_ids[indices, :pasos])
            assert (decoder_input_ids[indices, pasos:] == ID_RELLENO).all(), "solo se recorta relleno"
        lotes.on_epoch_end()


def test_lotes_reproducibles_con_la_semilla(datos):
    _, _, arreglos = datos
    a = modelos.LotesPorLongitud(*arreglos, batch_size=32, semilla=3)
    b = modelos.LotesPorLongitud(*arreglos, batch_size=32, semilla=3)
    epocas_a, epocas_b = [], []
    for _ in range(3):
        epocas_a.append([lote.tolist() for lote in a.lotes])
        epocas_b.append([lote.tolist() for lote in b.lotes])
        a.on_epoch_end()
        b.on_epoch_end()
    assert epocas_a == epocas_b
    assert epocas_a[0] != epocas_a[1], "cada época, otro orden"
    c = modelos.LotesPorLongitud(*arreglos, batch_size=32, semilla=4)
    assert [lote.tolist() for lote in c.lotes] != epocas_a[0]


def test_los_dos_primeros_lotes_tienen_longitudes_distintas(datos):
    """Keras fija la forma con los dos primeros lotes; con la misma longitud, fallaría más tarde."""
    _, _, arreglos = datos
    for semilla in range(10):
        lotes = modelos.LotesPorLongitud(*arreglos, batch_size=16, semilla=semilla)
        assert lotes[0][1].shape[1] != lotes[1][1].shape[1]
    ordenados = modelos.LotesPorLongitud(*arreglos, batch_size=16, barajar=False)
    assert ordenados[0][1].shape[1] != ordenados[1][1].shape[1]


def test_relleno_ahorrado(datos):
    _, _, (_, decoder_input_ids, _) = datos
    longitudes = longitudes_sin_relleno(decoder_input_ids)
    clasico = fraccion_de_relleno(longitudes, [np.arange(NUM_PARES)])
    assert clasico == pytest.approx(1 - longitudes.mean() / decoder_input_ids.shape[1])
    agrupado = fraccion_de_relleno(longitudes, agrupar_por_longitud(longitudes, 32, np.random.default_rng(0)))
    assert 0 <= agrupado < clasico
    assert fraccion_de_relleno(longitudes, [np.array([i]) for i in range(NUM_PARES)]) == 0.0


def test_perdida_dispersa_igual_a_categorica_por_caracter_real(datos):
    _, (_, _, decoder_target_data), (_, _, decoder_target_ids) = datos
    probs = np.random.default_rng(0).dirichlet(np.ones(decoder_target_data.shape[-1]), size=decoder_target_ids.shape)
    probs = probs.astype("float32")
    reales = (decoder_target_ids != ID_RELLENO).sum()
    dispersa = float(keras.losses.SparseCategoricalCrossentropy(ignore_class=ID_RELLENO)(decoder_target_ids, probs))
    categorica = float(keras.losses.CategoricalCrossentropy()(decoder_target_data, probs))
    assert dispersa == pytest.approx(categorica * decoder_target_ids.size / reales, rel=1e-5)


def test_perdida_por_caracter_la_misma_en_los_dos_modelos_y_sin_recortar(datos, modelos_con_los_mismos_pesos):
    _, (encoder_input_data, decoder_input_data, _), arreglos = datos
    clasico, ligero = modelos_con_los_mismos_pesos
    lotes = modelos.LotesPorLongitud(*arreglos, batch_size=64, barajar=False)
    # Con todo el relleno, de una vez: la cuenta de Keras con ignore_class.
    probs = clasico.predict_on_batch([encoder_input_data, decoder_input_data])
    keras_dispersa = float(keras.losses.SparseCategoricalCrossentropy(ignore_class=ID_RELLENO)(arreglos[2], probs))
    assert modelos.perdida_por_caracter(clasico, lotes) == pytest.approx(keras_dispersa, rel=1e-5)
    assert modelos.perdida_por_caracter(ligero, lotes) == pytest.approx(keras_dispersa, rel=1e-5)


def test_fit_con_lotes_de_longitud_variable(datos):
    vocab, _, arreglos = datos
    keras.utils.set_random_seed(0)
    ligero = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 8)
    ligero.compile(optimizer="rmsprop", loss=keras.losses.SparseCategoricalCrossentropy(ignore_class=ID_RELLENO))
    historial = ligero.fit(modelos.LotesPorLongitud(*arreglos, batch_size=64, semilla=0), epochs=2, verbose=0)
    assert len(historial.history["loss"]) == 2 and np.isfinite(historial.history["loss"]).all()


def test_preparar_ids_y_bytes_one_hot(datos):
    vocab, one_hot, arreglos = datos
    ligeros = preparar_ids(ruta=CORPUS_CURSO, num_pares=NUM_PARES)
    assert ligeros.vocab == vocab
    for a, b in zip(arreglos, (ligeros.encoder_input_ids, ligeros.decoder_input_ids, ligeros.decoder_target_ids)):
        assert np.array_equal(a, b)
    assert bytes_one_hot(NUM_PARES, vocab) == sum(a.nbytes for a in one_hot)


def test_el_modelo_ligero_se_guarda_y_carga_como_paquete(tmp_path):
    """guardar_modelo y cargar_modelo leen los tamaños de las capas con nombre, no de las entradas."""
    from utils.configuracion import obtener_configuracion
    from utils.datos import agregar_tokens, crear_vocabulario

    vocab = crear_vocabulario(["Go.", "Hi."], [agregar_tokens("Va\u202f!"), agregar_tokens("Salut.")])
    ligero = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 8)
    carpeta = modelos.guardar_modelo(ligero, vocab, obtener_configuracion("prueba"), tmp_path / "ligero")
    cargado, vocab_cargado, _ = modelos.cargar_modelo(carpeta)
    assert vocab_cargado == vocab and cargado.count_params() == ligero.count_params()

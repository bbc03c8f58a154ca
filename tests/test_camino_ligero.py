"""Pruebas del camino ligero y de la receta que aprende (cuaderno 04).

El modelo ligero sin máscara debe ver exactamente los mismos números que el clásico, tener los
mismos parámetros, guardarse y cargarse en modo seguro y traducir igual con los mismos pesos. Con
máscara, debe dar lo mismo que el clásico con ``Masking``, y el relleno (o recortarlo) no debe
cambiar nada.
"""

import keras
import numpy as np
import pytest

from utils import modelos, paquetes
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
    ligero = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM, enmascarar=False)
    ligero.set_weights(clasico.get_weights())
    return clasico, ligero


@pytest.fixture(scope="module")
def enmascarados(datos, modelos_con_los_mismos_pesos):
    """El clásico con ``Masking`` y el ligero con máscara, con los pesos de los anteriores."""
    vocab = datos[0]
    clasico, _ = modelos_con_los_mismos_pesos
    denso = modelos.construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM, enmascarar=True)
    ligero = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, LATENT_DIM)
    denso.set_weights(clasico.get_weights())
    ligero.set_weights(clasico.get_weights())
    return denso, ligero


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
    carpeta = paquetes.guardar_modelo(ligero, vocab, obtener_configuracion("prueba"), tmp_path / "ligero")
    cargado, vocab_cargado, _ = paquetes.cargar_modelo(carpeta)
    assert vocab_cargado == vocab and cargado.count_params() == ligero.count_params()


# --- La receta que aprende: máscara, recorte del codificador, variantes -----------------------------
def test_mascara_igual_a_masking_y_el_relleno_no_cambia_nada(datos, enmascarados):
    vocab, (encoder_input_data, decoder_input_data, _), (encoder_input_ids, decoder_input_ids, _) = datos
    denso, ligero = enmascarados
    assert modelos.codificador_enmascarado(denso) and modelos.codificador_enmascarado(ligero)
    mascara = keras.ops.convert_to_numpy(ligero.get_layer("encoder_inputs").compute_mask(encoder_input_ids[:32]))
    assert np.array_equal(mascara, encoder_input_ids[:32] != ID_RELLENO)
    esperado = denso.predict_on_batch([encoder_input_data[:32], decoder_input_data[:32]])
    np.testing.assert_allclose(ligero.predict_on_batch([encoder_input_ids[:32], decoder_input_ids[:32]]), esperado, atol=1e-6)
    # Más relleno al final del codificador no cambia la salida del modelo enmascarado (sí la del clásico).
    extra = np.concatenate([encoder_input_ids[:32], np.full((32, 5), ID_RELLENO, dtype="int32")], axis=1)
    np.testing.assert_allclose(ligero.predict_on_batch([extra, decoder_input_ids[:32]]), esperado, atol=1e-6)


def test_inferencia_con_mascara_igual_al_modelo_de_entrenamiento(datos, enmascarados):
    vocab, (encoder_input_data, decoder_input_data, _), _ = datos
    _, ligero = enmascarados
    encoder_model, decoder_model = modelos.construir_modelos_inferencia(ligero)
    assert "encoder_mascara" in [capa.name for capa in encoder_model.layers]
    h, c = encoder_model.predict_on_batch(encoder_input_data[:8])
    h_corto, _ = encoder_model.predict_on_batch(encoder_input_data[:8, :3])  # menos relleno: mismo contexto si caben
    cortas = (encoder_input_data[:8].sum(-1) > 0).sum(-1) <= 3
    np.testing.assert_allclose(h_corto[cortas], h[cortas], atol=1e-6)
    salida, _, _ = decoder_model.predict_on_batch([decoder_input_data[:8], h, c])
    np.testing.assert_allclose(salida, ligero.predict_on_batch([datos[2][0][:8], datos[2][1][:8]]), atol=1e-5)


def test_recortar_el_codificador_solo_con_mascara(datos, enmascarados, modelos_con_los_mismos_pesos):
    _, _, arreglos = datos
    _, con_mascara = enmascarados
    _, sin_mascara = modelos_con_los_mismos_pesos
    completos = modelos.LotesPorLongitud(*arreglos, batch_size=64, barajar=False)
    recortados = modelos.LotesPorLongitud(*arreglos, batch_size=64, barajar=False, recortar_codificador=True)
    assert any(recortados[i][0][0].shape[1] < arreglos[0].shape[1] for i in range(len(recortados)))
    assert modelos.perdida_por_caracter(con_mascara, recortados) == pytest.approx(
        modelos.perdida_por_caracter(con_mascara, completos), rel=1e-5)
    diferencia = modelos.perdida_por_caracter(sin_mascara, recortados) - modelos.perdida_por_caracter(sin_mascara, completos)
    assert abs(diferencia) > 1e-6, "sin máscara, leer menos relleno cambia el contexto y la pérdida"


def test_los_dos_primeros_lotes_difieren_en_todo_lo_recortado(datos):
    _, _, arreglos = datos
    for semilla in range(5):
        lotes = modelos.LotesPorLongitud(*arreglos, batch_size=16, semilla=semilla, recortar_codificador=True)
        (e0, d0), _ = lotes[0]
        (e1, d1), _ = lotes[1]
        assert e0.shape[1] != e1.shape[1] and d0.shape[1] != d1.shape[1]


def test_exactitud_sin_relleno_con_enteros_igual_que_con_one_hot(datos):
    _, (_, _, decoder_target_data), (_, _, decoder_target_ids) = datos
    probs = np.random.default_rng(1).dirichlet(np.ones(decoder_target_data.shape[-1]), size=decoder_target_ids.shape[:2])
    probs = probs.astype("float32")
    con_ids = float(modelos.exactitud_sin_relleno(decoder_target_ids, probs))
    con_one_hot = float(modelos.exactitud_sin_relleno(decoder_target_data, probs))
    a_mano = (probs.argmax(-1) == decoder_target_ids)[decoder_target_ids != ID_RELLENO].mean()
    assert con_ids == pytest.approx(con_one_hot) == pytest.approx(a_mano)


@pytest.mark.parametrize("variante", list(modelos.VARIANTES))
def test_variantes_del_cuaderno_04(datos, variante):
    vocab = datos[0]
    from utils.configuracion import obtener_configuracion

    config = obtener_configuracion("prueba")
    modelo = modelos.construir_variante(variante, vocab.num_encoder_tokens, vocab.num_decoder_tokens, config)
    assert modelo.optimizer is not None
    assert isinstance(modelo.optimizer, keras.optimizers.RMSprop) == (variante in "AB")
    assert (len(modelo.inputs[0].shape) == 3) == (variante == "A"), "solo la clásica recibe one-hot"
    assert modelos.codificador_enmascarado(modelo) == (variante == "D")
    with pytest.raises(ValueError, match="variante desconocida"):
        modelos.construir_variante("Z", vocab.num_encoder_tokens, vocab.num_decoder_tokens, config)


def test_entrenar_modelo_aprende_y_restaura_la_mejor_epoca():
    import dataclasses

    from utils.configuracion import obtener_configuracion

    config = dataclasses.replace(obtener_configuracion("prueba"), num_pares=200, latent_dim=16, epocas=4, batch_size=32,
                                 parada="perdida")
    ligeros = preparar_ids(config)
    modelo, historial = modelos.entrenar_modelo(ligeros, config, verbose=False)
    assert modelos.codificador_enmascarado(modelo) and len(historial["loss"]) == 4
    assert modelos.CLAVE_CHRF not in historial, "con parada por la pérdida no se traduce en cada época"
    assert historial["loss"][-1] < historial["loss"][0]
    _, validacion = modelos.indices_de_validacion(ligeros.input_texts, config.fraccion_validacion, config.semilla)
    lotes = modelos.lotes_de_la_receta(ligeros, validacion, config, barajar=False)
    assert modelo.evaluate(lotes, verbose=0)[0] == pytest.approx(min(historial["val_loss"]), rel=1e-5), "pesos de la mejor época"


def test_particion_de_la_receta_aparta_frases_de_parada_sin_tocar_la_validacion():
    import dataclasses

    from utils.configuracion import obtener_configuracion

    config = dataclasses.replace(obtener_configuracion("prueba"), num_pares=300)
    ligeros = preparar_ids(config)
    textos = ligeros.input_texts
    entrenamiento, parada, validacion = modelos.particion_de_la_receta(ligeros, config)
    _, solo_validacion = modelos.indices_de_validacion(textos, config.fraccion_validacion, config.semilla)
    assert np.array_equal(validacion, solo_validacion), "la validación es la de siempre"
    assert sorted([*entrenamiento, *parada, *validacion]) == list(range(len(textos))), "cada par en una sola parte"
    de = {nombre: {textos[j] for j in indices} for nombre, indices in
          (("entrenamiento", entrenamiento), ("parada", parada), ("validación", validacion))}
    assert de["parada"] and not de["parada"] & de["entrenamiento"] and not de["parada"] & de["validación"]
    esperadas = round(config.fraccion_parada * (len(de["entrenamiento"]) + len(de["parada"])))
    assert abs(len(de["parada"]) - esperadas) <= 1
    assert np.array_equal(modelos.particion_de_la_receta(ligeros, config)[1], parada), "reproducible"
    sin_parada = modelos.particion_de_la_receta(ligeros, dataclasses.replace(config, parada="perdida"))
    assert len(sin_parada[1]) == 0 and len(sin_parada[0]) == len(entrenamiento) + len(parada)


def test_configuracion_rechaza_una_parada_desconocida():
    import dataclasses

    from utils.configuracion import obtener_configuracion

    with pytest.raises(ValueError, match="parada debe ser uno de"):
        dataclasses.replace(obtener_configuracion("prueba"), parada="bleu")


def test_parada_por_chrf_para_tras_la_paciencia_y_restaura_la_mejor_epoca():
    """Con traducciones guionizadas el chrF de cada época es conocido: 20, 60, 40, 50, 30, …"""
    vocab = crear_vocabulario(["ab"], [agregar_tokens("ab")])
    referencias = [["le chat noir"]]
    guion = iter(["le", "le chat noir", "le chat", "le chat noi", "l", "le chat noir", "le chat noir"])
    parada = modelos.ParadaPorChrF(["x"], referencias, vocab, paciencia=3, traducir=lambda modelo, frases: [next(guion)])
    pesos = []

    class Anotar(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            pesos.append(self.model.get_weights())

    keras.utils.set_random_seed(0)
    modelo = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    modelo.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    x, y = np.random.default_rng(0).random((16, 3)), np.random.default_rng(1).random((16, 2))
    historial = modelo.fit(x, y, epochs=10, callbacks=[parada, Anotar()], verbose=0).history
    chrf = historial[modelos.CLAVE_CHRF]
    assert len(chrf) == 5, "mejor en la época 2 y tres sin mejorar: para en la 5"
    assert chrf[1] == 100.0 and max(chrf) == chrf[1] and parada.mejor_epoca == 2 and parada.mejor == 100.0
    for actual, guardado in zip(modelo.get_weights(), pesos[1]):
        assert np.array_equal(actual, guardado), "vuelven los pesos de la época 2"
    assert not np.array_equal(pesos[1][0], pesos[-1][0]), "los pesos cambiaron después de la mejor época"
    with pytest.raises(ValueError, match="referencias"):
        modelos.ParadaPorChrF([], [], vocab, paciencia=3)
    assert modelos.mejor_epoca(historial) == parada.mejor_epoca == 2


def test_mejor_epoca_sigue_la_parada_del_historial():
    assert modelos.mejor_epoca({"val_loss": [3.0, 1.0, 2.0], modelos.CLAVE_CHRF: [10.0, 20.0, 30.0]}) == 3, "manda el chrF"
    assert modelos.mejor_epoca({"val_loss": [3.0, 1.0, 2.0], "loss": [3.0, 2.0, 1.0]}) == 2, "sin chrF, la pérdida"
    reanudado = {"val_loss": [3.0, 1.0, 2.0, 2.5], modelos.CLAVE_CHRF: [None, float("nan"), 20.0, 19.0]}
    assert modelos.mejor_epoca(reanudado) == 3, "las épocas sin chrF medido no cuentan"
    assert modelos.mejor_epoca({"val_loss": [3.0, 1.0], modelos.CLAVE_CHRF: [None, None]}) == 2, "ninguna medida: la pérdida"
    with pytest.raises(ValueError, match="validación"):
        modelos.mejor_epoca({"loss": [1.0]})


def test_entrenar_modelo_para_por_chrf_con_los_pesos_de_su_mejor_epoca():
    import dataclasses

    from utils.configuracion import obtener_configuracion

    config = dataclasses.replace(obtener_configuracion("prueba"), num_pares=200, latent_dim=16, epocas=4, batch_size=32,
                                 fraccion_parada=0.2)
    assert config.parada == "chrf", "la parada del curso"
    ligeros = preparar_ids(config)
    modelo, historial = modelos.entrenar_modelo(ligeros, config, verbose=False)
    assert len(historial[modelos.CLAVE_CHRF]) == len(historial["loss"]) <= 4
    _, apartadas, _ = modelos.particion_de_la_receta(ligeros, config)
    parada = modelos.parada_de_la_receta(ligeros, apartadas, config)
    chrf = parada.chrf(modelo)
    assert chrf == pytest.approx(max(historial[modelos.CLAVE_CHRF]), abs=1e-6), "pesos de la época de mejor chrF"

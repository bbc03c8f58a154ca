"""Pruebas de utils/modelos.py, del paquete de caracteres (utils/paquetes.py) y de utils/decodificacion.py
con el modelo diminuto de tests/conftest.py."""

import dataclasses
import json

import keras
import numpy as np
import pytest

from utils import modelos, paquetes
from utils.configuracion import obtener_configuracion
from utils.datos import agregar_tokens, crear_vocabulario, frase_a_encoder_input
from utils.decodificacion import decodificar_lote, decodificar_secuencia, pasos_maximos

@pytest.fixture
def entrenado(modelo_diminuto):
    return modelo_diminuto


def test_capas_con_nombre_y_parametros_por_formula(entrenado):
    modelo, vocab, _ = entrenado
    for nombre in ("encoder_inputs", "encoder_lstm", "decoder_inputs", "decoder_lstm", "decoder_dense"):
        modelo.get_layer(nombre)
    assert modelo.get_layer("encoder_lstm").count_params() == modelos.contar_parametros_lstm(16, vocab.num_encoder_tokens)
    assert modelo.get_layer("decoder_lstm").count_params() == modelos.contar_parametros_lstm(16, vocab.num_decoder_tokens)
    # Los tamaños clásicos del blog de Keras: 71 y 93 caracteres, latent_dim = 256.
    assert modelos.contar_parametros_lstm(256, 71) == 335_872
    assert modelos.contar_parametros_lstm(256, 93) == 358_400


def test_lote_igual_que_frase_a_frase(entrenado, pares_diminutos):
    input_texts, target_texts = pares_diminutos
    modelo, vocab, (encoder_input_data, _, _) = entrenado
    encoder_model, decoder_model = modelos.construir_modelos_inferencia(modelo)
    una_a_una = [decodificar_secuencia(encoder_input_data[i : i + 1], encoder_model, decoder_model, vocab) for i in range(len(input_texts))]
    assert decodificar_lote(encoder_input_data, encoder_model, decoder_model, vocab) == una_a_una
    assert all(len(t) <= pasos_maximos(vocab) for t in una_a_una)
    assert sum(t == f[1:-1] for t, f in zip(una_a_una, target_texts)) >= 4, "tras 150 épocas memoriza casi todo"


def test_formas_de_los_modelos_de_inferencia(entrenado):
    modelo, vocab, _ = entrenado
    encoder_model, decoder_model = modelos.construir_modelos_inferencia(modelo)
    h, c = encoder_model.predict_on_batch(frase_a_encoder_input("Hi.", vocab))
    assert h.shape == c.shape == (1, 16)
    paso = np.zeros((1, 1, vocab.num_decoder_tokens), dtype="float32")
    probabilidades, h2, c2 = decoder_model.predict_on_batch([paso, h, c])
    assert probabilidades.shape == (1, 1, vocab.num_decoder_tokens) and h2.shape == (1, 16)
    np.testing.assert_allclose(probabilidades.sum(), 1.0, rtol=1e-5)


def test_guardar_y_cargar_decodifica_igual(entrenado, tmp_path):
    modelo, vocab, (encoder_input_data, _, _) = entrenado
    config = obtener_configuracion("prueba")
    carpeta = paquetes.guardar_modelo(modelo, vocab, config, tmp_path / "paquete")
    assert sorted(p.name for p in carpeta.iterdir()) == ["metadatos.json", "modelo.keras"]
    assert [p.name for p in tmp_path.iterdir()] == ["paquete"], "no quedan carpetas temporales"
    cargado, vocab_cargado, config_cargada = paquetes.cargar_modelo(carpeta)
    assert vocab_cargado == vocab and config_cargada["latent_dim"] == config.latent_dim
    original = decodificar_lote(encoder_input_data, *modelos.construir_modelos_inferencia(modelo), vocab)
    assert decodificar_lote(encoder_input_data, *modelos.construir_modelos_inferencia(cargado), vocab_cargado) == original


def test_no_guarda_un_vocabulario_que_no_corresponde(entrenado, tmp_path):
    modelo, _, _ = entrenado
    otro = crear_vocabulario(["abc"], [agregar_tokens("xyz")])
    with pytest.raises(ValueError, match="Guarda el vocabulario con el que se entrenó"):
        paquetes.guardar_modelo(modelo, otro, obtener_configuracion("prueba"), tmp_path / "malo")
    assert not (tmp_path / "malo").exists()


def test_cargar_rechaza_paquetes_incompletos_o_mezclados(entrenado, tmp_path):
    modelo, vocab, _ = entrenado
    carpeta = paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "p")
    with pytest.raises(FileNotFoundError, match="no existe la carpeta del modelo guardado"):
        paquetes.cargar_modelo(tmp_path / "no_existe")
    # Un metadatos.json copiado de otro paquete: su vocabulario cuadra con su suma, pero modelo.keras no.
    otro_vocab = crear_vocabulario(["abc"], [agregar_tokens("xyz")])
    otro = modelos.construir_modelo_entrenamiento(otro_vocab.num_encoder_tokens, otro_vocab.num_decoder_tokens, 4)
    otra_carpeta = paquetes.guardar_modelo(otro, otro_vocab, obtener_configuracion("prueba"), tmp_path / "otro")
    original = (carpeta / "metadatos.json").read_bytes()
    (carpeta / "metadatos.json").write_bytes((otra_carpeta / "metadatos.json").read_bytes())
    with pytest.raises(ValueError, match="no se pudo cargar modelo.keras de 'p': no coincide con la suma sha256"):
        paquetes.cargar_modelo(carpeta)
    # Un vocabulario que no corresponde al modelo aunque su suma cuadre (recalculada): no se carga.
    metadatos = json.loads(original)
    metadatos["vocabulario"]["target_characters"] = metadatos["vocabulario"]["target_characters"][:-1]
    metadatos["sumas_sha256"]["vocabulario"] = paquetes._suma_vocabulario(metadatos["vocabulario"])
    (carpeta / "metadatos.json").write_text(json.dumps(metadatos), encoding="utf-8")
    with pytest.raises(ValueError, match="no corresponden"):
        paquetes.cargar_modelo(carpeta)
    (carpeta / "metadatos.json").write_text("{roto", encoding="utf-8")
    with pytest.raises(ValueError, match="está dañado"):
        paquetes.cargar_modelo(carpeta)


def test_paquete_con_sumas_extra_y_claves_nuevas(entrenado, tmp_path):
    modelo, vocab, _ = entrenado
    receta = {"nombre": "ligera", "enmascarado": True, "capas": [16, 16]}
    carpeta = paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "p", extra=receta)
    metadatos = json.loads((carpeta / "metadatos.json").read_text(encoding="utf-8"))
    assert metadatos["version_paquete"] == paquetes.VERSION_PAQUETE == 2
    assert set(metadatos["sumas_sha256"]) == {"modelo.keras", "vocabulario", "metadatos"}
    assert paquetes.leer_metadatos(carpeta)["extra"] == receta
    # La suma «metadatos» cubre la configuración y lo demás: editarlos a mano se rechaza.
    metadatos["descripcion_de_la_receta"] = "Adam 3e-3, Masking"
    metadatos["configuracion"]["campo_nuevo"] = 1
    (carpeta / "metadatos.json").write_text(json.dumps(metadatos), encoding="utf-8")
    with pytest.raises(ValueError, match="no coinciden con su suma"):
        paquetes.cargar_modelo(carpeta)
    # Una versión futura del curso puede añadir claves arriba o en la configuración (y sellarlas): se aceptan.
    metadatos["sumas_sha256"]["metadatos"] = paquetes._suma_del_resto(metadatos)
    (carpeta / "metadatos.json").write_text(json.dumps(metadatos), encoding="utf-8")
    _, vocab_cargado, configuracion = paquetes.cargar_modelo(carpeta)
    assert vocab_cargado == vocab and configuracion["campo_nuevo"] == 1
    assert paquetes.leer_metadatos(carpeta)["descripcion_de_la_receta"] == "Adam 3e-3, Masking"
    with pytest.raises(TypeError, match="extra debe ser un diccionario con claves de texto.*no dict"):
        paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "q", extra={"a": {1, 2}})
    assert not (tmp_path / "q").exists()


def test_no_guarda_un_vocabulario_incoherente(entrenado, tmp_path):
    modelo, vocab, _ = entrenado
    sin_inicio = dataclasses.replace(vocab, target_characters=("Z",) + vocab.target_characters[1:])
    with pytest.raises(ValueError, match=r"no tiene el token de inicio '\\t'.*No se guarda"):
        paquetes.guardar_modelo(modelo, sin_inicio, obtener_configuracion("prueba"), tmp_path / "malo")
    assert list(tmp_path.iterdir()) == []


def test_cargar_rechaza_un_modelo_truncado(entrenado, tmp_path):
    modelo, vocab, _ = entrenado
    carpeta = paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "p")
    contenido = (carpeta / "modelo.keras").read_bytes()
    (carpeta / "modelo.keras").write_bytes(contenido[: len(contenido) // 2])
    with pytest.raises(ValueError, match="no se pudo cargar modelo.keras"):
        paquetes.cargar_modelo(carpeta)


def test_particion_de_validacion_barajada_reproducible_y_por_frase_inglesa():
    # 1000 pares con 400 frases inglesas distintas: algunas con varias traducciones (como en Tatoeba).
    textos = [f"frase {i % 400}" for i in range(1000)]
    entrenamiento, validacion = modelos.indices_de_validacion(textos, 0.2, semilla=42)
    assert len({textos[i] for i in validacion}) == 80, "el 20 % de las frases inglesas distintas"
    assert not set(entrenamiento) & set(validacion) and len(entrenamiento) + len(validacion) == 1000
    assert not {textos[i] for i in validacion} & {textos[i] for i in entrenamiento}, "ninguna frase en las dos partes"
    assert validacion.min() < 200 < 800 < validacion.max(), "no son solo las últimas (más largas) frases"
    again = modelos.indices_de_validacion(list(textos), 0.2, semilla=42)
    np.testing.assert_array_equal(again[1], validacion)
    otra = modelos.indices_de_validacion(textos, 0.2, semilla=7)
    assert not np.array_equal(otra[1], validacion), "otra semilla, otra partición"
    with pytest.raises(ValueError, match="entre 0 y 1"):
        modelos.indices_de_validacion(textos, 1.5, semilla=0)
    with pytest.raises(TypeError, match="necesita la lista de frases inglesas"):
        modelos.indices_de_validacion(1000, 0.2, semilla=0)
    with pytest.raises(ValueError, match="al menos dos frases inglesas distintas"):
        modelos.indices_de_validacion(["Hi."] * 5, 0.2, semilla=0)


def test_exactitud_sin_relleno_ignora_las_filas_de_ceros():
    y_true = np.array([[[0, 1, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0]]], dtype="float32")
    y_pred = np.array([[[0.1, 0.8, 0.1], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8], [0.1, 0.1, 0.8]]], dtype="float32")
    assert float(modelos.exactitud_sin_relleno(y_true, y_pred)) == pytest.approx(0.5)

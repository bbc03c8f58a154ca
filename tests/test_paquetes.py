"""Pruebas de utils/paquetes.py: un solo módulo guarda, comprueba y carga los paquetes de todos los tipos.

Los detalles del paquete de caracteres (sumas, guardado atómico, errores) se prueban en test_modelos.py y
test_fallos.py; el de palabras en test_palabras.py y el del Transformer en test_transformer.py. Aquí: lo
común (``cargar``, ``tipo_de_paquete``, el float16 compartido) y que los nombres de antes siguen sirviendo.
"""

import json

import keras
import numpy as np
import pytest

from utils import modelos, palabras, paquetes
from utils import transformer as T
from utils.configuracion import obtener_configuracion
from utils.datos import agregar_tokens, crear_vocabulario


def test_los_nombres_de_antes_son_los_de_paquetes():
    for nombre in ("guardar_modelo", "cargar_modelo", "leer_metadatos", "escribir_paquete", "cargar_paquete",
                   "ruta_de_argumento", "comprobar_destino_de_paquete", "resumir_lista", "ARCHIVO_MODELO",
                   "ARCHIVO_METADATOS", "ARCHIVO_ENTRENAMIENTO", "ARCHIVO_VISTAS", "VERSION_PAQUETE", "CLAVE_SUMAS",
                   "SUMA_METADATOS", "TIPO_CARACTERES", "PISTA_REENTRENAR"):
        assert getattr(modelos, nombre) is getattr(paquetes, nombre), nombre
    for nombre in ("guardar_modelo_palabras", "cargar_modelo_palabras", "tamanos_del_modelo"):
        assert getattr(palabras, nombre) is getattr(paquetes, nombre), nombre
    for nombre in ("guardar_transformer", "cargar_transformer", "huellas_vistas", "vio"):
        assert getattr(T, nombre) is getattr(paquetes, nombre), nombre
    assert (palabras.TIPO, T.TIPO) == (paquetes.TIPO_PALABRAS, paquetes.TIPO_TRANSFORMER) == ("palabras", "transformer")


def predecir(modelo, *formas):
    entradas = [np.ones(forma, dtype="int32") for forma in formas]
    return modelo.predict_on_batch(entradas)


def test_cargar_un_paquete_de_caracteres(tmp_path):
    vocab = crear_vocabulario(["Hi.", "Go."], [agregar_tokens(f) for f in ["Salut.", "Va !"]])
    modelo = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 4)  # sin entrenar
    carpeta = paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "caracteres",
                                      extra={"nota": "prueba"})
    assert paquetes.tipo_de_paquete(carpeta) == paquetes.TIPO_CARACTERES
    paquete = paquetes.cargar(carpeta)
    assert paquete.tipo == "caracteres" and paquete.vocab == vocab and not paquete.atencion
    assert paquete.metadatos["extra"] == {"nota": "prueba"} and "latent_dim" in paquete.metadatos["configuracion"]
    np.testing.assert_array_equal(predecir(paquete.modelo, (1, 3), (1, 4)), predecir(modelo, (1, 3), (1, 4)))


@pytest.mark.parametrize("atencion", [False, True], ids=["sin_atencion", "con_atencion"])
def test_cargar_un_paquete_de_palabras_en_float16(tmp_path, atencion):
    from utils.atencion import construir_modelo_palabras_atencion

    vocab = palabras.VocabularioPalabras(palabras.ESPECIALES + ("a",), palabras.ESPECIALES + ("b",), 5, 5, " ", ())
    construir = construir_modelo_palabras_atencion if atencion else palabras.construir_modelo_palabras
    keras.utils.set_random_seed(0)
    modelo = construir(5, 5, 4, 4, 2)
    carpeta = paquetes.guardar_modelo_palabras(modelo, vocab, tmp_path / "palabras", precision="float16")
    guardado = keras.saving.load_model(carpeta / "modelo.keras", safe_mode=False)
    assert guardado.get_layer("decoder_dense").kernel.dtype == "float16", "se guarda en media precisión"
    assert keras.config.dtype_policy().name == "float32", "la política global vuelve a la de antes"
    paquete = paquetes.cargar(carpeta)
    assert paquete.tipo == "palabras" and paquete.vocab == vocab and paquete.atencion == atencion
    assert paquete.metadatos["configuracion"]["precision"] == "float16"
    assert all(peso.dtype == "float32" for peso in paquete.modelo.weights), "vuelve en float32"
    np.testing.assert_allclose(predecir(paquete.modelo, (1, 3), (1, 4)), predecir(modelo, (1, 3), (1, 4)), atol=5e-3)


def test_cargar_un_paquete_del_transformer(tmp_path):
    tokenizador = T.entrenar_tokenizador(["a b c d e f g", "h i j k l"], 30)
    keras.utils.set_random_seed(0)
    modelo = T.construir_transformer(tokenizador.tamano, d_model=16, num_cabezas=2, d_ff=32, capas_codificador=1,
                                     capas_decodificador=1, dropout=0.0, max_posiciones=32)
    carpeta = paquetes.guardar_transformer(modelo, tokenizador, tmp_path / "transformer", frases_vistas=["a b c."])
    paquete = paquetes.cargar(carpeta)
    assert paquete.tipo == "transformer" and paquete.vocab.tamano == tokenizador.tamano
    assert paquete.modelo.dtype == "float32" and paquete.metadatos["configuracion"]["precision"] == "float16"
    huellas = paquetes.huellas_vistas(carpeta)
    assert paquetes.vio(huellas, "a b c.") and not paquetes.vio(huellas, "h i j.") and not paquetes.vio(None, "a b c.")
    np.testing.assert_allclose(predecir(paquete.modelo, (1, 3), (1, 4)), predecir(modelo, (1, 3), (1, 4)), atol=5e-2)
    with pytest.raises(ValueError, match="es un modelo de transformer.*cárgalo con utils.paquetes.cargar_transformer"):
        paquetes.cargar_modelo(carpeta)


def test_un_tipo_desconocido_da_un_error_en_espanol(tmp_path):
    (tmp_path / "modelo.keras").write_bytes(b"")
    (tmp_path / "metadatos.json").write_text(json.dumps({"tipo": "difusion"}), encoding="utf-8")
    assert paquetes.tipo_de_paquete(tmp_path) == "difusion"
    with pytest.raises(ValueError, match=r"es de tipo 'difusion'.*sabe cargar los de tipo caracteres, palabras, "
                                         r"transformer.*Actualiza el curso"):
        paquetes.cargar(tmp_path)
    with pytest.raises(FileNotFoundError, match="no existe la carpeta del modelo guardado 'otra'"):
        paquetes.cargar(tmp_path / "otra")
    with pytest.raises(TypeError, match="carpeta debe ser una ruta"):
        paquetes.cargar(None)

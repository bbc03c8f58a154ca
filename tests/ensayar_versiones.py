"""Ensaya utils/ con las versiones de TensorFlow, Keras y NumPy del entorno que lo ejecuta.

Sirve para comprobar versiones fuera de requirements.txt (las de Colab, por ejemplo). Con un
entorno aparte, desde la raíz del repositorio (el README da las versiones ya ensayadas):

    python3 -m venv /tmp/otras && /tmp/otras/bin/pip install tensorflow==2.19.0 keras==3.10.0 numpy==2.0.2 \
        matplotlib ipython nbformat pytest sacrebleu==2.6.0
    /tmp/otras/bin/python tests/ensayar_versiones.py
    /tmp/otras/bin/python -m pytest -o addopts="" tests/test_colab.py tests/test_versiones.py

Recorre en pocos segundos lo que hacen los cuadernos 02–06 con 300 pares del corpus del curso:
vectorizar, entrenar el modelo clásico y el ligero, modelos de inferencia, decodificación voraz
frase a frase y por lotes, búsqueda en haz, guardar y cargar el paquete en modo seguro y medir
con chrF. Termina con error en la primera diferencia; no compara números con las salidas guardadas.
"""

import importlib.metadata
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SEQ2SEQ_CONFIG", "prueba")

import keras  # noqa: E402
import numpy as np  # noqa: E402

from utils import evaluacion, modelos, paquetes  # noqa: E402
from utils.configuracion import VERSIONES_ADMITIDAS, comprobar_versiones, obtener_configuracion  # noqa: E402
from utils.datos import CORPUS_CURSO, agregar_tokens, crear_vocabulario, leer_pares, vectorizar_ids, vectorizar_one_hot  # noqa: E402
from utils.decodificacion import busqueda_en_haz, decodificar_lote, decodificar_secuencia, traducir  # noqa: E402


def paso(texto: str, inicio: float) -> None:
    print(f"✔ {texto} ({time.perf_counter() - inicio:.1f} s)")


def main() -> None:
    inicio = time.perf_counter()
    versiones = ", ".join(f"{p} {importlib.metadata.version(p.lower())}" for p in VERSIONES_ADMITIDAS)
    print(f"Versiones: {versiones} (backend {keras.backend.backend()})")
    assert comprobar_versiones() == [], "versiones fuera de VERSIONES_ADMITIDAS: ver el aviso"
    keras.utils.set_random_seed(0)
    corpus = leer_pares(CORPUS_CURSO, num_pares=300, mostrar_resumen=False)
    objetivos = [agregar_tokens(f) for f in corpus.frances]
    vocab = crear_vocabulario(corpus.ingles, objetivos)
    one_hot, ids = vectorizar_one_hot(corpus.ingles, objetivos, vocab), vectorizar_ids(corpus.ingles, objetivos, vocab)
    paso("datos vectorizados (one-hot y enteros)", inicio)

    clasico = modelos.construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 32)
    clasico.compile(optimizer=keras.optimizers.Adam(0.01), loss="categorical_crossentropy", metrics=[modelos.exactitud_sin_relleno])
    historial = clasico.fit(list(one_hot[:2]), one_hot[2], epochs=5, batch_size=32, verbose=0).history
    assert historial["loss"][-1] < historial["loss"][0], "la pérdida del modelo clásico no baja"
    ligero = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 32)
    ligero.compile(optimizer=keras.optimizers.Adam(0.01), loss=keras.losses.SparseCategoricalCrossentropy(ignore_class=-1))
    lotes = modelos.LotesPorLongitud(*ids, batch_size=32, semilla=0)
    assert np.isfinite(ligero.fit(lotes, epochs=2, verbose=0).history["loss"][-1])
    paso("entrenados el modelo clásico (5 épocas) y el ligero (2 épocas, lotes por longitud)", inicio)

    encoder_model, decoder_model = modelos.construir_modelos_inferencia(clasico)
    lote = decodificar_lote(one_hot[0][:20], encoder_model, decoder_model, vocab)
    assert lote == [decodificar_secuencia(one_hot[0][i : i + 1], encoder_model, decoder_model, vocab) for i in range(20)]
    haz = busqueda_en_haz(one_hot[0][:20], encoder_model, decoder_model, vocab, k=1)
    assert [h[0].texto for h in haz] == lote, "el haz de ancho 1 es la voraz"
    print("  «Hi.» →", repr(traducir("Hi.", encoder_model, decoder_model, vocab)))
    paso("decodificación voraz frase a frase = por lotes = haz de ancho 1", inicio)

    with tempfile.TemporaryDirectory() as carpeta:
        paquete = paquetes.guardar_modelo(clasico, vocab, obtener_configuracion("prueba"), Path(carpeta) / "paquete")
        cargado, vocab_cargado, _ = paquetes.cargar_modelo(paquete)
        assert decodificar_lote(one_hot[0][:20], *modelos.construir_modelos_inferencia(cargado), vocab_cargado) == lote
    paso("paquete guardado y cargado con safe_mode: traduce igual", inicio)
    medidas = evaluacion.evaluar_traducciones(lote, [f[1:-1] for f in objetivos[:20]])
    paso("evaluación con sacrebleu: " + ", ".join(f"{k} {v:.1f}" for k, v in medidas.items()), inicio)


if __name__ == "__main__":
    main()

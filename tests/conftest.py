"""Piezas comunes de las pruebas: un modelo diminuto que memoriza ocho pares.

Se entrena una sola vez por sesión de pytest (unos segundos) y lo comparten las pruebas
de modelos, decodificación y evaluación.
"""

import keras
import pytest

from utils import modelos
from utils.datos import agregar_tokens, crear_vocabulario, vectorizar_one_hot

INPUT_TEXTS = ["Go.", "Hi.", "Run!", "Wow!", "Stop!", "Wait.", "Hello!", "I won."]
TARGET_TEXTS = [
    agregar_tokens(f)
    for f in ["Va\u202f!", "Salut.", "Cours\u202f!", "Ça alors\u202f!", "Arrête\u202f!", "Attends.", "Bonjour\u202f!", "J'ai gagné."]
]


@pytest.fixture(scope="session")
def modelo_diminuto():
    """(modelo, vocab, (encoder_input_data, decoder_input_data, decoder_target_data)) tras 150 épocas."""
    keras.utils.set_random_seed(0)
    vocab = crear_vocabulario(INPUT_TEXTS, TARGET_TEXTS)
    arreglos = vectorizar_one_hot(INPUT_TEXTS, TARGET_TEXTS, vocab)
    modelo = modelos.construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 16)
    modelo.compile(
        optimizer=keras.optimizers.Adam(0.02), loss="categorical_crossentropy", metrics=[modelos.exactitud_sin_relleno]
    )
    modelo.fit(list(arreglos[:2]), arreglos[2], epochs=150, batch_size=8, verbose=0)
    return modelo, vocab, arreglos


@pytest.fixture(scope="session")
def pares_diminutos():
    """(input_texts, target_texts) con los que se entrenó ``modelo_diminuto``."""
    return INPUT_TEXTS, TARGET_TEXTS

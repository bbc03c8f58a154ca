"""Etapa de decodificación: de la entrada del codificador al texto traducido.

``decodificar_secuencia`` (la receta clásica, frase a frase) y ``decodificar_lote`` (todas
las frases a la vez) se enseñan en ``05_decodificacion_argmax``. Ambas son voraces
(*greedy*): en cada paso eligen el carácter más probable, y siguen la misma regla de
parada, así que dan las mismas traducciones.

``traducir`` es la puerta de entrada para el texto que escribe el usuario: comprueba la
entrada, explica en español lo que no vale y traduce todas las frases válidas de una vez
con ``decodificar_lote``.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from utils.configuracion import avisar
from utils.datos import DESCONOCIDOS_VALIDOS, FIN, INICIO, Vocabulario, frase_a_encoder_input, ids_a_one_hot

_SEPARADORES = INICIO + FIN + "\r"  # no pueden ir dentro de una frase de entrada


def pasos_maximos(vocab: Vocabulario) -> int:
    """Caracteres que se generan como mucho: los de la frase objetivo más larga, sin ``\\t``."""
    return vocab.max_decoder_seq_length - 1


def decodificar_secuencia(input_seq: np.ndarray, encoder_model, decoder_model, vocab: Vocabulario) -> str:
    """Traduce una frase (lote de 1) carácter a carácter eligiendo siempre el más probable."""
    states_value = encoder_model.predict_on_batch(input_seq)
    target_seq = np.zeros((1, 1, vocab.num_decoder_tokens), dtype="float32")
    target_seq[0, 0, vocab.target_token_index[INICIO]] = 1.0
    decoded_sentence = ""
    for _ in range(pasos_maximos(vocab)):
        output_tokens, h, c = decoder_model.predict_on_batch([target_seq, *states_value])
        sampled_token_index = int(np.argmax(output_tokens[0, -1, :]))
        sampled_char = vocab.reverse_target_char_index[sampled_token_index]
        if sampled_char == FIN:
            break
        decoded_sentence += sampled_char
        target_seq = np.zeros((1, 1, vocab.num_decoder_tokens), dtype="float32")
        target_seq[0, 0, sampled_token_index] = 1.0
        states_value = [h, c]
    return decoded_sentence


def decodificar_lote(encoder_input_data: np.ndarray, encoder_model, decoder_model, vocab: Vocabulario) -> list[str]:
    """Traduce muchas frases a la vez: una llamada al decodificador por paso, no por frase y paso."""
    n = len(encoder_input_data)
    states_value = encoder_model.predict_on_batch(encoder_input_data)
    actuales = np.full(n, vocab.target_token_index[INICIO])
    terminadas = np.zeros(n, dtype=bool)
    generados: list[list[str]] = [[] for _ in range(n)]
    fin = vocab.target_token_index[FIN]
    for _ in range(pasos_maximos(vocab)):
        target_seq = ids_a_one_hot(actuales[:, np.newaxis], vocab.num_decoder_tokens)
        output_tokens, h, c = decoder_model.predict_on_batch([target_seq, *states_value])
        actuales = np.argmax(output_tokens[:, -1, :], axis=-1)
        terminadas |= actuales == fin
        for i in np.flatnonzero(~terminadas):
            generados[i].append(vocab.reverse_target_char_index[int(actuales[i])])
        if terminadas.all():
            break
        states_value = [h, c]
    return ["".join(caracteres) for caracteres in generados]


# --- Traducir el texto del usuario -----------------------------------------------------------
def _cita(texto: str, largo: int = 60) -> str:
    """La frase entre comillas, recortada con «…» si es muy larga."""
    return repr(texto if len(texto) <= largo else texto[:largo] + "…")


def _describir_recibido(objeto, esperado: str) -> str:
    """Mensaje de tipo incorrecto: qué se esperaba, qué llegó y cómo arreglarlo."""
    valor = repr(objeto) if len(repr(objeto)) <= 60 else repr(objeto)[:60] + "…"
    recibido = "None" if objeto is None else f"{type(objeto).__name__} {valor}"
    consejo = " Conviértelo antes con .decode('utf-8')." if isinstance(objeto, (bytes, bytearray)) else ""
    return (
        f"se esperaba {esperado}, pero se recibió {recibido}.{consejo} "
        f"Ejemplo: traducir('Hi.', …) o traducir(['Hi.', 'Run!'], …)."
    )


def _pista_mayusculas(frase: str, vocab: Vocabulario) -> str:
    """Sugiere la frase con otras mayúsculas si así el modelo conoce todos sus caracteres."""
    for candidata in (frase.capitalize(), frase.lower()):
        if candidata != frase and all(c in vocab.input_token_index for c in candidata):
            return f" ¿Quisiste decir {candidata!r}?"
    return ""


def _quitar_desconocidos(frase: str, vocab: Vocabulario, desconocidos: str) -> tuple[str, str]:
    """Lanza ``ValueError`` o quita los caracteres desconocidos; devuelve (frase, aviso)."""
    extranos = sorted({c for c in frase if c not in vocab.input_token_index})
    if not extranos:
        return frase, ""
    nombres, pista = ", ".join(repr(c) for c in extranos), _pista_mayusculas(frase, vocab)
    validos = "".join(vocab.input_characters)
    if desconocidos == "error":
        raise ValueError(
            f"la frase {_cita(frase)} contiene caracteres que el modelo no conoce: {nombres}.{pista} "
            f"Quítalos o usa desconocidos='omitir'. Caracteres válidos: {validos!r}"
        )
    limpia = "".join(c for c in frase if c in vocab.input_token_index).strip()
    if not limpia:
        raise ValueError(
            f"la frase {_cita(frase)} no tiene ningún carácter que el modelo conozca "
            f"(desconocidos: {nombres}).{pista} Caracteres válidos: {validos!r}"
        )
    aviso = f"se omiten de {_cita(frase)} caracteres que el modelo no conoce: {nombres}; se traduce {_cita(limpia)}."
    return limpia, aviso + pista


def _rechazar_separadores(frase: str) -> None:
    """``\\t``, ``\\n`` y ``\\r`` dentro de una frase: error que propone partirla en varias."""
    if any(c in _SEPARADORES for c in frase):
        partes = ", ".join(_cita(p.strip(), 20) for p in re.split(r"[\t\r\n]+", frase)[:3] if p.strip())
        raise ValueError(
            f"la frase {_cita(frase)} contiene tabuladores o saltos de línea: '\\t' y '\\n' son los "
            f"tokens de inicio y fin del modelo y no pueden ir dentro de una frase. Pasa una frase "
            f"por elemento: traducir([{partes}], …)."
        )


def _revisar_frase(texto, vocab: Vocabulario, desconocidos: str) -> tuple[str, str]:
    """Comprueba una frase y devuelve (frase lista para el codificador, aviso o ``""``)."""
    if not isinstance(texto, str):
        raise TypeError(_describir_recibido(texto, "un texto (str)"))
    frase = texto.strip()
    if not frase:
        raise ValueError(
            f"la frase está vacía o solo tiene espacios ({_cita(texto, 20)}): "
            f"escribe una frase en inglés, p. ej. 'Hi.'."
        )
    _rechazar_separadores(frase)
    frase, aviso = _quitar_desconocidos(frase, vocab, desconocidos)
    if len(frase) > vocab.max_encoder_seq_length:
        raise ValueError(
            f"la frase {_cita(frase)} tiene {len(frase)} caracteres y el modelo admite como máximo "
            f"{vocab.max_encoder_seq_length} (la frase en inglés más larga del entrenamiento). "
            f"Acórtala o pártela en frases más cortas, una por elemento de la lista."
        )
    return frase, aviso


def _revisar_frases(textos: list | tuple, vocab: Vocabulario, desconocidos: str) -> list[tuple[str, str]]:
    """Revisa todas las frases de una lista y, si alguna no vale, lanza un único error con todas."""
    if not textos:
        raise ValueError("la lista de frases está vacía: pasa al menos una frase en inglés, p. ej. ['Hi.'].")
    revisadas, errores, clases = [], [], set()
    for i, texto in enumerate(textos):
        try:
            revisadas.append(_revisar_frase(texto, vocab, desconocidos))
        except (TypeError, ValueError) as error:
            errores.append(f"  frase {i + 1} (textos[{i}]): {error}")
            clases.add(type(error))
    if errores:
        clase = TypeError if clases == {TypeError} else ValueError
        raise clase(
            f"{len(errores)} de las {len(textos)} frases no se pueden traducir; no se ha traducido "
            f"ninguna. Corrígelas y vuelve a llamar:\n" + "\n".join(errores)
        )
    return revisadas


def traducir(
    textos: str | Sequence[str], encoder_model, decoder_model, vocab: Vocabulario, desconocidos: str = "error"
) -> str | list[str]:
    """Traduce del inglés al francés una frase (``str``) o varias (lista o tupla), comprobando la entrada.

    Se explica en 05_decodificacion_argmax.

    Se quitan los espacios y saltos de línea del principio y del final; los espacios
    interiores se conservan. Si una lista tiene frases que no valen, no se salta ninguna
    en silencio: se lanza un solo error que las enumera todas (``frase 2 (textos[1]): …``)
    para corregirlas de una vez. Las frases válidas se traducen juntas con ``decodificar_lote``.

    Args:
        desconocidos: ``"error"`` (por defecto) rechaza los caracteres que el modelo no conoce;
            ``"omitir"`` los quita con un aviso ⚠️ que los nombra.

    Returns:
        Un ``str`` si se pasó un ``str``; una lista de la misma longitud si se pasó una lista o tupla.
    """
    if desconocidos not in DESCONOCIDOS_VALIDOS:
        raise ValueError(f"desconocidos debe ser uno de {DESCONOCIDOS_VALIDOS}, no {desconocidos!r}.")
    if isinstance(textos, str):
        revisadas = [_revisar_frase(textos, vocab, desconocidos)]
    elif isinstance(textos, (list, tuple)):
        revisadas = _revisar_frases(textos, vocab, desconocidos)
    else:
        raise TypeError(_describir_recibido(textos, "un texto (str) o una lista de textos"))
    for _, aviso in revisadas:
        if aviso:
            avisar(aviso)
    encoder_input_data = np.concatenate([frase_a_encoder_input(frase, vocab) for frase, _ in revisadas])
    traducciones = decodificar_lote(encoder_input_data, encoder_model, decoder_model, vocab)
    return traducciones[0] if isinstance(textos, str) else traducciones

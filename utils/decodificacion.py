"""Etapa de decodificación: de la entrada del codificador al texto traducido.

``decodificar_secuencia`` (la receta clásica, frase a frase) y ``decodificar_lote`` (todas
las frases a la vez) se enseñan en ``06_decodificacion_argmax``. Ambas son voraces
(*greedy*): en cada paso eligen el carácter más probable, y siguen la misma regla de
parada, así que dan las mismas traducciones.

``traducir`` es la puerta de entrada para el texto que escribe el usuario: comprueba la
entrada, explica en español lo que no vale y traduce todas las frases válidas de una vez
con ``decodificar_lote``.

``muestrear_lote`` (temperatura y top-k) y ``busqueda_en_haz`` (con normalización por
longitud; con ``k = 1`` es la voraz) se enseñan en ``07_busqueda_en_haz_y_evaluacion``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from utils.configuracion import avisar
from utils.datos import (
    DESCONOCIDOS_VALIDOS, FIN, ID_RELLENO, INICIO, Vocabulario, _nombrar_caracteres, frase_a_encoder_input,
    ids_a_one_hot, texto_a_ids,
)

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


def _describir_recibido(objeto, esperado: str, funcion: str = "traducir") -> str:
    """Mensaje de tipo incorrecto: qué se esperaba, qué llegó y cómo arreglarlo (con un ejemplo de ``funcion``)."""
    valor = repr(objeto) if len(repr(objeto)) <= 60 else repr(objeto)[:60] + "…"
    recibido = "None" if objeto is None else f"{type(objeto).__name__} {valor}"
    consejo = " Conviértelo antes con .decode('utf-8')." if isinstance(objeto, (bytes, bytearray)) else ""
    return (
        f"se esperaba {esperado}, pero se recibió {recibido}.{consejo} "
        f"Ejemplo: {funcion}('Hi.', …) o {funcion}(['Hi.', 'Run!'], …)."
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
    nombres, pista = _nombrar_caracteres(extranos), _pista_mayusculas(frase, vocab)
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
    frase = unicodedata.normalize("NFC", texto).strip()  # «e» + U+0301 → «é», como en el corpus
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


def _revisar_entrada(textos, vocab, desconocidos: str, revisar=None, funcion: str = "traducir") -> list[tuple]:
    """Revisa lo que se pasó a ``traducir`` (o a ``funcion``): una frase o una lista o tupla de frases.

    Devuelve una ``(frase, aviso)`` por frase y muestra los avisos ⚠️. ``revisar`` revisa una frase
    (``_revisar_frase`` por defecto; los modelos de palabras y el Transformer pasan la suya).
    """
    revisar = _revisar_frase if revisar is None else revisar
    if isinstance(textos, str):
        revisadas = [revisar(textos, vocab, desconocidos)]
    elif isinstance(textos, (list, tuple)):
        revisadas = _revisar_frases(textos, vocab, desconocidos, revisar=revisar)
    else:
        raise TypeError(_describir_recibido(textos, "un texto (str) o una lista de textos", funcion=funcion))
    for _, aviso in revisadas:
        if aviso:
            avisar(aviso)
    return revisadas


MAX_ERRORES_EN_MENSAJE = 10  # frases malas que se detallan en un error; del resto, solo cuántas son


def _revisar_frases(textos: list | tuple, vocab, desconocidos: str, revisar=None) -> list[tuple]:
    """Revisa todas las frases de una lista y, si alguna no vale, lanza un único error con todas.

    ``revisar(texto, vocab, desconocidos)`` revisa una frase: ``_revisar_frase`` (caracteres) por
    defecto; el modelo de palabras pasa la suya (cuaderno 08).
    """
    revisar = _revisar_frase if revisar is None else revisar
    if not textos:
        raise ValueError("la lista de frases está vacía: pasa al menos una frase en inglés, p. ej. ['Hi.'].")
    revisadas, errores, clases = [], [], set()
    for i, texto in enumerate(textos):
        try:
            revisadas.append(revisar(texto, vocab, desconocidos))
        except (TypeError, ValueError) as error:
            errores.append(f"  frase {i + 1} (textos[{i}]): {error}")
            clases.add(type(error))
    if errores:
        clase = TypeError if clases == {TypeError} else ValueError
        resto = len(errores) - MAX_ERRORES_EN_MENSAJE
        cola = f"\n  … y {resto} frases más que tampoco se pueden traducir." if resto > 0 else ""
        raise clase(
            f"{len(errores)} de las {len(textos)} frases no se pueden traducir; no se ha traducido "
            f"ninguna. Corrígelas y vuelve a llamar"
            f"{f' (estas son las {MAX_ERRORES_EN_MENSAJE} primeras)' if resto > 0 else ''}:\n"
            + "\n".join(errores[:MAX_ERRORES_EN_MENSAJE]) + cola
        )
    return revisadas


def traducir(
    textos: str | Sequence[str], encoder_model, decoder_model, vocab: Vocabulario, desconocidos: str = "error"
) -> str | list[str]:
    """Traduce del inglés al francés una frase (``str``) o varias (lista o tupla), comprobando la entrada.

    Se explica en 06_decodificacion_argmax.

    Se quitan los espacios y saltos de línea del principio y del final; los espacios
    interiores se conservan. El texto se normaliza a la forma NFC de Unicode, como el corpus:
    una «é» escrita como «e» + acento combinado (U+0301), como la escriben algunos teclados
    y macOS, se traduce igual que la «é» de un solo carácter. Si una lista tiene frases que no valen, no se salta ninguna
    en silencio: se lanza un solo error que las enumera (``frase 2 (textos[1]): …``; si son
    muchas, las ``MAX_ERRORES_EN_MENSAJE`` primeras y cuántas más) para corregirlas de una vez. Las frases válidas se traducen juntas con ``decodificar_lote``.

    Args:
        desconocidos: ``"error"`` (por defecto) rechaza los caracteres que el modelo no conoce;
            ``"omitir"`` los quita con un aviso ⚠️ que los nombra.

    Returns:
        Un ``str`` si se pasó un ``str``; una lista de la misma longitud si se pasó una lista o tupla.
    """
    if desconocidos not in DESCONOCIDOS_VALIDOS:
        raise ValueError(f"desconocidos debe ser uno de {DESCONOCIDOS_VALIDOS}, no {desconocidos!r}.")
    revisadas = _revisar_entrada(textos, vocab, desconocidos)
    encoder_input_data = np.concatenate([frase_a_encoder_input(frase, vocab) for frase, _ in revisadas])
    traducciones = decodificar_lote(encoder_input_data, encoder_model, decoder_model, vocab)
    return traducciones[0] if isinstance(textos, str) else traducciones


# --- Más allá de argmax: muestreo y búsqueda en haz (cuaderno 07) ---------------------------
ALFA_POR_DEFECTO = 0.7  # exponente de la normalización por longitud de la búsqueda en haz
_SUELO_PROBABILIDAD = 1e-300  # evita log(0) = -inf cuando la softmax en float32 da un 0 exacto


def _log_probabilidades(probabilidades: np.ndarray) -> np.ndarray:
    """Logaritmos en float64 de las probabilidades del decodificador (sin -inf)."""
    return np.log(np.maximum(np.asarray(probabilidades, dtype="float64"), _SUELO_PROBABILIDAD))


def _comprobar_muestreo(temperatura: float, top_k: int | None) -> None:
    """Errores en español para una temperatura o un top-k que no valen."""
    if isinstance(temperatura, bool) or not isinstance(temperatura, (int, float, np.number)):
        raise TypeError(f"la temperatura debe ser un número (p. ej. 0.7), no {type(temperatura).__name__}.")
    if not np.isfinite(temperatura) or temperatura < 0:
        raise ValueError(
            f"la temperatura debe ser un número finito mayor o igual que 0, no {temperatura}: "
            f"0 equivale a argmax, menos de 1 concentra la distribución y más de 1 la aplana."
        )
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, (int, np.integer)) or top_k < 1):
        raise ValueError(f"top_k debe ser None (sin límite) o un entero mayor o igual que 1, no {top_k!r}.")


def _comprobar_lote(encoder_input_data: np.ndarray) -> None:
    """El lote de entrada del codificador no puede estar vacío."""
    if len(encoder_input_data) == 0:
        raise ValueError("el lote de entrada está vacío: pasa al menos una frase (encoder_input_data con forma (N, …), N ≥ 1).")


def ajustar_distribucion(
    probabilidades: np.ndarray, temperatura: float = 1.0, top_k: int | None = None, prohibidos: Sequence[int] = ()
) -> np.ndarray:
    """Distribución de la que se sortea: sin los índices ``prohibidos``, solo los ``top_k`` mejores, con temperatura.

    Se explica en 07_busqueda_en_haz_y_evaluacion.

    Calcula ``p_i^(τ) ∝ exp(log p_i / τ)`` fila a fila (float64; cada fila suma 1). Con
    ``temperatura=0`` devuelve el *one-hot* del *argmax* (el límite τ → 0; en empates, el
    primer índice, como ``np.argmax``).
    """
    _comprobar_muestreo(temperatura, top_k)
    logits = _log_probabilidades(probabilidades)
    logits[..., list(prohibidos)] = -np.inf
    if top_k is not None and top_k < logits.shape[-1]:
        mejores = np.argsort(-logits, axis=-1, kind="stable")[..., :top_k]
        conservar = np.zeros(logits.shape, dtype=bool)
        np.put_along_axis(conservar, mejores, True, axis=-1)
        logits = np.where(conservar, logits, -np.inf)
    if temperatura == 0:
        return (np.arange(logits.shape[-1]) == np.argmax(logits, axis=-1)[..., np.newaxis]).astype("float64")
    logits = logits / temperatura
    exponenciales = np.exp(logits - logits.max(axis=-1, keepdims=True))  # softmax estable
    return exponenciales / exponenciales.sum(axis=-1, keepdims=True)


def sortear(distribucion: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Un índice por fila, con la probabilidad que le da su fila (inversa de la función acumulada).

    Se explica en 07_busqueda_en_haz_y_evaluacion.

    Sortea un uniforme ``u`` por fila y elige el primer índice cuya probabilidad acumulada
    supera ``u``: un índice con probabilidad 0 no sale nunca.
    """
    acumuladas = np.cumsum(distribucion, axis=-1)
    u = rng.random(acumuladas.shape[:-1] + (1,)) * acumuladas[..., -1:]
    return (acumuladas <= u).sum(axis=-1)


def muestrear_lote(
    encoder_input_data: np.ndarray, encoder_model, decoder_model, vocab: Vocabulario,
    temperatura: float = 1.0, top_k: int | None = None, rng: np.random.Generator | None = None,
) -> list[str]:
    """Como ``decodificar_lote``, pero sorteando cada carácter (temperatura y top-k) en lugar del *argmax*.

    Se explica en 07_busqueda_en_haz_y_evaluacion.

    Nunca sortea ``\\t``. ``temperatura=0`` (o ``top_k=1``) da la decodificación voraz.
    Pasa ``rng=np.random.default_rng(semilla)`` para que las muestras se puedan repetir.
    """
    _comprobar_muestreo(temperatura, top_k)
    _comprobar_lote(encoder_input_data)
    rng = np.random.default_rng() if rng is None else rng
    n, inicio, fin = len(encoder_input_data), vocab.target_token_index[INICIO], vocab.target_token_index[FIN]
    states_value = encoder_model.predict_on_batch(encoder_input_data)
    actuales = np.full(n, inicio)
    terminadas = np.zeros(n, dtype=bool)
    generados: list[list[str]] = [[] for _ in range(n)]
    for _ in range(pasos_maximos(vocab)):
        target_seq = ids_a_one_hot(actuales[:, np.newaxis], vocab.num_decoder_tokens)
        output_tokens, h, c = decoder_model.predict_on_batch([target_seq, *states_value])
        distribucion = ajustar_distribucion(output_tokens[:, -1, :], temperatura, top_k, prohibidos=[inicio])
        actuales = sortear(distribucion, rng)
        terminadas |= actuales == fin
        for i in np.flatnonzero(~terminadas):
            generados[i].append(vocab.reverse_target_char_index[int(actuales[i])])
        if terminadas.all():
            break
        states_value = [h, c]
    return ["".join(caracteres) for caracteres in generados]


@dataclass(frozen=True)
class Hipotesis:
    """Una traducción candidata de la búsqueda en haz. Se explica en 07_busqueda_en_haz_y_evaluacion."""

    texto: str  # sin \t ni \n
    log_prob: float  # log p(texto, y \n si terminada | frase inglesa) según el modelo
    puntuacion: float  # log_prob / longitud**alfa: la que ordena las hipótesis
    terminada: bool  # True si eligió \n; False si agotó pasos_maximos sin elegirlo


def normalizar_por_longitud(log_prob: float, longitud: int, alfa: float) -> float:
    """``log_prob / longitud**alfa`` (longitud: caracteres generados, ``\\n`` incluido; al menos 1).

    Se explica en 07_busqueda_en_haz_y_evaluacion. Con ``alfa=0`` no normaliza; con ``alfa=1``
    es la log-probabilidad media por carácter.
    """
    return log_prob / max(longitud, 1) ** alfa


def _comprobar_haz(k: int, alfa: float) -> None:
    """Errores en español para un ancho de haz o un alfa que no valen."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"el ancho del haz k debe ser un entero mayor o igual que 1 (k=1 es la búsqueda voraz), no {k!r}.")
    if isinstance(alfa, bool) or not isinstance(alfa, (int, float, np.number)) or not 0 <= alfa < np.inf:
        raise ValueError(f"alfa debe ser un número mayor o igual que 0 (0: sin normalizar por longitud), no {alfa!r}.")


def _nueva_hipotesis(ids: np.ndarray, log_prob: float, terminada: bool, vocab: Vocabulario, alfa: float) -> Hipotesis:
    """Hipótesis a partir de los índices generados (sin ``\\n``); la longitud cuenta el ``\\n`` si terminó."""
    texto = "".join(vocab.reverse_target_char_index[int(i)] for i in ids)
    puntuacion = normalizar_por_longitud(log_prob, len(ids) + terminada, alfa)
    return Hipotesis(texto, float(log_prob), float(puntuacion), terminada)


def _podar_frase(candidatas: np.ndarray, orden: np.ndarray, prefijos: np.ndarray, k: int, vocab: Vocabulario,
                 alfa: float, terminadas: list[Hipotesis]) -> list[tuple[int, int, float]]:
    """Un paso del haz para una frase: aparta las que eligen ``\\n`` (entre las k mejores) y devuelve las k que siguen.

    ``orden`` son los índices de las mejores extensiones (padre · V + carácter), de mayor a menor.
    """
    v, fin, siguen = vocab.num_decoder_tokens, vocab.target_token_index[FIN], []
    for rango, indice in enumerate(orden):
        padre, token = divmod(int(indice), v)
        log_prob = float(candidatas[indice])
        if token == fin:
            if rango < k and log_prob > -np.inf:
                terminadas.append(_nueva_hipotesis(prefijos[padre], log_prob, True, vocab, alfa))
        elif len(siguen) < k:
            siguen.append((padre, token, log_prob))
    return siguen


def _hipotesis_finales(terminadas: list[Hipotesis], prefijos: np.ndarray, log_probs: np.ndarray, k: int,
                       vocab: Vocabulario, alfa: float) -> list[Hipotesis]:
    """Las k mejores: primero las terminadas; si faltan, las vivas que agotaron los pasos. Por puntuación."""
    if len(terminadas) < k:
        vivas = [_nueva_hipotesis(p, lp, False, vocab, alfa) for p, lp in zip(prefijos, log_probs) if lp > -np.inf]
        terminadas = terminadas + sorted(vivas, key=lambda h: -h.puntuacion)[: k - len(terminadas)]
    return sorted(terminadas, key=lambda h: (not h.terminada, -h.puntuacion))[:k]


def busqueda_en_haz(
    encoder_input_data: np.ndarray, encoder_model, decoder_model, vocab: Vocabulario,
    k: int = 3, alfa: float = ALFA_POR_DEFECTO,
) -> list[list[Hipotesis]]:
    """Búsqueda en haz de ancho ``k`` para todas las frases a la vez: una llamada al decodificador por paso.

    Se explica en 07_busqueda_en_haz_y_evaluacion.

    Las N·k hipótesis vivas avanzan juntas (lote de N·k estados). En cada paso se ordenan
    las extensiones por log-probabilidad acumulada; las que eligen ``\\n`` entre las k
    mejores se apartan como terminadas, y siguen las k mejores que no terminan. Una frase
    para al reunir k terminadas; todas, a los ``pasos_maximos``. Devuelve, por frase, hasta
    k ``Hipotesis`` ordenadas: terminadas primero, cada grupo por ``puntuacion``
    (log-probabilidad normalizada con ``alfa``). Con ``k=1`` es ``decodificar_lote``.
    """
    _comprobar_haz(k, alfa)
    _comprobar_lote(encoder_input_data)
    n, v = len(encoder_input_data), vocab.num_decoder_tokens
    h, c = (np.repeat(s, k, axis=0) for s in encoder_model.predict_on_batch(encoder_input_data))
    log_probs = np.tile([0.0] + [-np.inf] * (k - 1), (n, 1))  # al principio solo hay una hipótesis: ""
    actuales = np.full((n, k), vocab.target_token_index[INICIO])
    prefijos = np.zeros((n, k, 0), dtype=int)
    terminadas: list[list[Hipotesis]] = [[] for _ in range(n)]
    for _ in range(pasos_maximos(vocab)):
        salida, h, c = decoder_model.predict_on_batch([ids_a_one_hot(actuales.reshape(-1, 1), v), h, c])
        candidatas = (log_probs[:, :, np.newaxis] + _log_probabilidades(salida[:, -1, :]).reshape(n, k, v)).reshape(n, k * v)
        ordenes = np.argsort(-candidatas, axis=1, kind="stable")[:, : 2 * k]  # empates: el primero, como argmax
        padres = np.tile(np.arange(k), (n, 1))
        for i in np.flatnonzero([len(t) < k for t in terminadas]):
            siguen = _podar_frase(candidatas[i], ordenes[i], prefijos[i], k, vocab, alfa, terminadas[i])
            padres[i], actuales[i], log_probs[i] = zip(*siguen)
        if all(len(t) >= k for t in terminadas):
            break
        filas = (np.arange(n)[:, np.newaxis] * k + padres).ravel()
        h, c = h[filas], c[filas]
        prefijos = np.concatenate([np.take_along_axis(prefijos, padres[:, :, np.newaxis], axis=1), actuales[:, :, np.newaxis]], axis=2)
    return [_hipotesis_finales(terminadas[i], prefijos[i], log_probs[i], k, vocab, alfa) for i in range(n)]


def log_probabilidad_de_textos(
    encoder_input_data: np.ndarray, textos: Sequence[str], encoder_model, decoder_model, vocab: Vocabulario
) -> np.ndarray:
    """log p(texto | frase inglesa) según el modelo, para comparar las salidas de distintos métodos.

    Se explica en 07_busqueda_en_haz_y_evaluacion.

    Da al decodificador cada texto entero con ``\\t`` delante (forzado del profesor, una sola
    llamada) y suma el logaritmo de la probabilidad de cada carácter. Un texto con menos de
    ``pasos_maximos`` caracteres terminó eligiendo ``\\n``, así que su probabilidad se suma
    también; uno de ``pasos_maximos`` caracteres agotó los pasos y no la lleva.
    """
    _comprobar_lote(encoder_input_data)
    if len(textos) != len(encoder_input_data):
        raise ValueError(f"hay {len(encoder_input_data)} frases de entrada y {len(textos)} textos: deben ser tantos como frases.")
    objetivos = [t + FIN if len(t) < pasos_maximos(vocab) else t for t in textos]
    largo = max(len(o) for o in objetivos)
    entrada = np.full((len(objetivos), largo), ID_RELLENO)
    siguiente = np.full((len(objetivos), largo), ID_RELLENO)
    for i, objetivo in enumerate(objetivos):
        ids = texto_a_ids(INICIO + objetivo, vocab.target_token_index)
        entrada[i, : len(objetivo)], siguiente[i, : len(objetivo)] = ids[:-1], ids[1:]
    states_value = encoder_model.predict_on_batch(encoder_input_data)
    salida, _, _ = decoder_model.predict_on_batch([ids_a_one_hot(entrada, vocab.num_decoder_tokens), *states_value])
    elegidas = np.take_along_axis(salida, np.maximum(siguiente, 0)[..., np.newaxis], axis=-1)[..., 0]
    return np.where(siguiente == ID_RELLENO, 0.0, _log_probabilidades(elegidas)).sum(axis=1)

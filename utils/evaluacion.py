"""Etapa de evaluación: cuánto se parecen las traducciones a sus referencias.

Se explica en ``07_busqueda_en_haz_y_evaluacion``. Cuatro medidas, de la más tosca a la
estándar:

- ``coincidencia_exacta``: fracción de traducciones idénticas a su referencia, tras normalizar los
  espacios (``normalizar_espacios``: el espacio fino U+202F que el francés pone antes de ``! ? ; :``
  y el de no separación U+00A0 cuentan como un espacio normal, como los ve un lector).
- ``exactitud_caracteres_media``: posiciones acertadas sobre la longitud de la más larga de
  las dos cadenas, sin contar el relleno (la medida del cuaderno 06).
- chrF (Popović, 2015): *F*-score de n-gramas de **caracteres**, con β = 2 (la exhaustividad pesa
  más); quita todos los espacios antes de contar, así que tampoco distingue U+202F de un espacio. ``chrf_didactico`` lo calcula en pocas líneas; ``chrf`` usa ``sacrebleu``.
- BLEU (Papineni et al., 2002): precisión recortada de n-gramas de **palabras** con
  penalización por brevedad. ``bleu_didactico`` y ``bleu`` (``sacrebleu``).

Todas las medidas de corpus reciben dos listas de textos de la misma longitud (salidas del
modelo y referencias) y devuelven un número; chrF y BLEU en la escala de 0 a 100 de
``sacrebleu``. ``sacrebleu`` se importa solo cuando hace falta.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Sequence

import numpy as np

VERSION_SACREBLEU = "2.6.0"  # la de requirements.txt


def _comprobar_textos(salidas: Sequence[str], referencias: Sequence[str]) -> None:
    """Dos listas de textos no vacías y de la misma longitud; si no, un error en español."""
    for nombre, textos in (("salidas", salidas), ("referencias", referencias)):
        if isinstance(textos, str) or not isinstance(textos, (Sequence, np.ndarray)):
            raise TypeError(f"{nombre} debe ser una lista de textos, no {type(textos).__name__}: p. ej. ['Je suis là.'].")
        malos = [i for i, t in enumerate(textos) if not isinstance(t, (str, np.str_))]
        if malos:
            raise TypeError(f"{nombre}[{malos[0]}] no es un texto (str) sino {type(textos[malos[0]]).__name__}.")
    if not salidas or not referencias:
        raise ValueError("las listas de salidas y de referencias no pueden estar vacías: hace falta al menos un par.")
    if len(salidas) != len(referencias):
        raise ValueError(
            f"hay {len(salidas)} salidas y {len(referencias)} referencias: cada salida se compara con "
            f"la referencia de la misma posición, así que deben ser tantas como salidas."
        )


def exactitud_caracteres(salida: str, referencia: str) -> float:
    """Fracción de posiciones iguales, sobre la longitud de la más larga de las dos cadenas (sin relleno).

    Se explica en 06_decodificacion_argmax y 07_busqueda_en_haz_y_evaluacion."""
    if not salida and not referencia:
        return 1.0
    return sum(a == b for a, b in zip(salida, referencia)) / max(len(salida), len(referencia))


def exactitud_caracteres_media(salidas: Sequence[str], referencias: Sequence[str]) -> float:
    """Media por frase de ``exactitud_caracteres``. Se explica en 07_busqueda_en_haz_y_evaluacion."""
    _comprobar_textos(salidas, referencias)
    return float(np.mean([exactitud_caracteres(s, r) for s, r in zip(salidas, referencias)]))


def normalizar_espacios(texto: str) -> str:
    """El texto con cada tramo de espacios (también U+202F y U+00A0) como un espacio normal, sin espacios en los extremos.

    Se explica en 07_busqueda_en_haz_y_evaluacion: «Revenez !» y «Revenez\u202f!» son la misma frase."""
    return " ".join(texto.split())  # str.split() corta en todo espacio Unicode, U+202F y U+00A0 incluidos


def coincidencia_exacta(salidas: Sequence[str], referencias: Sequence[str]) -> float:
    """Fracción de salidas idénticas a su referencia, tras ``normalizar_espacios``.

    Se explica en 07_busqueda_en_haz_y_evaluacion."""
    _comprobar_textos(salidas, referencias)
    return float(np.mean([normalizar_espacios(s) == normalizar_espacios(r) for s, r in zip(salidas, referencias)]))


# --- chrF y BLEU escritos a mano (para entenderlos) -----------------------------------------
def ngramas_de_caracteres(texto: str, n: int) -> Counter:
    """n-gramas de caracteres con sus cuentas, tras quitar los espacios (como chrF).

    Se explica en 07_busqueda_en_haz_y_evaluacion."""
    seguido = "".join(texto.split())
    return Counter(seguido[i : i + n] for i in range(len(seguido) - n + 1))


def ngramas_de_palabras(texto: str, n: int) -> Counter:
    """n-gramas de palabras (separadas por espacios) con sus cuentas. Se explica en 07_busqueda_en_haz_y_evaluacion."""
    palabras = texto.split()
    return Counter(tuple(palabras[i : i + n]) for i in range(len(palabras) - n + 1))


def estadisticas_chrf(salida: str, referencia: str, orden: int = 6) -> np.ndarray:
    """Por cada n de 1 a ``orden``: (n-gramas de la salida, de la referencia, aciertos recortados).

    Se explica en 07_busqueda_en_haz_y_evaluacion. Como ``sacrebleu``, si la referencia no
    tiene n-gramas de un orden (es muy corta), los de la salida de ese orden no se cuentan.
    """
    filas = []
    for n in range(1, orden + 1):
        hipotesis, referencia_n = ngramas_de_caracteres(salida, n), ngramas_de_caracteres(referencia, n)
        aciertos = sum((hipotesis & referencia_n).values())  # & recorta: mínimo de las dos cuentas
        filas.append((sum(hipotesis.values()) if referencia_n else 0, sum(referencia_n.values()), aciertos))
    return np.array(filas, dtype=float)


def chrf_didactico(salidas: Sequence[str], referencias: Sequence[str], orden: int = 6, beta: float = 2.0) -> float:
    """chrF de un corpus (0–100): precisión y *recall* medios de n-gramas de caracteres, y su F_β.

    Se explica en 07_busqueda_en_haz_y_evaluacion. Suma las estadísticas de todas las frases,
    promedia precisión y *recall* sobre los órdenes en los que hay n-gramas en ambos lados y
    combina: F_β = (1 + β²)·P·R / (β²·P + R). Da lo mismo que ``sacrebleu.corpus_chrf``.
    """
    _comprobar_textos(salidas, referencias)
    total = sum(estadisticas_chrf(s, r, orden) for s, r in zip(salidas, referencias))
    validos = (total[:, 0] > 0) & (total[:, 1] > 0)
    if not validos.any():
        return 0.0
    precision = float(np.mean(total[validos, 2] / total[validos, 0]))
    recall = float(np.mean(total[validos, 2] / total[validos, 1]))
    if precision + recall == 0:
        return 0.0
    return 100 * (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def estadisticas_bleu(salida: str, referencia: str, orden: int = 4) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Aciertos recortados y n-gramas de la salida por orden, y las longitudes (en palabras) de ambas.

    Se explica en 07_busqueda_en_haz_y_evaluacion."""
    aciertos, totales = np.zeros(orden), np.zeros(orden)
    for n in range(1, orden + 1):
        hipotesis, referencia_n = ngramas_de_palabras(salida, n), ngramas_de_palabras(referencia, n)
        aciertos[n - 1] = sum((hipotesis & referencia_n).values())
        totales[n - 1] = sum(hipotesis.values())
    return aciertos, totales, len(salida.split()), len(referencia.split())


def bleu_didactico(salidas: Sequence[str], referencias: Sequence[str], orden: int = 4) -> float:
    """BLEU de un corpus (0–100), sin suavizado y con las palabras separadas por espacios.

    Se explica en 07_busqueda_en_haz_y_evaluacion. BLEU = BP · exp(media de log p_n), con p_n
    la precisión recortada de n-gramas (sumada sobre el corpus) y BP = exp(1 − r/c) si la
    salida (c palabras) es más corta que la referencia (r). Si algún p_n es 0, BLEU es 0. Da lo
    mismo que ``sacrebleu.corpus_bleu(..., tokenize="none", smooth_method="none")``.
    """
    _comprobar_textos(salidas, referencias)
    aciertos, totales, c, r = np.zeros(orden), np.zeros(orden), 0, 0
    for salida, referencia in zip(salidas, referencias):
        a, t, c_i, r_i = estadisticas_bleu(salida, referencia, orden)
        aciertos, totales, c, r = aciertos + a, totales + t, c + c_i, r + r_i
    if (aciertos == 0).any():
        return 0.0
    brevedad = 1.0 if c >= r else math.exp(1 - r / c)
    return 100 * brevedad * math.exp(float(np.mean(np.log(aciertos / totales))))


# --- Las versiones mantenidas: sacrebleu ------------------------------------------------------
def _sacrebleu():
    """Importa ``sacrebleu`` o explica cómo instalarlo."""
    try:
        import sacrebleu
    except ImportError as error:
        raise ImportError(
            f"falta el paquete sacrebleu: instálalo con `pip install sacrebleu=={VERSION_SACREBLEU}` "
            f"(está en requirements.txt; en Colab lo instala la celda de importaciones del cuaderno 07)."
        ) from error
    return sacrebleu


def chrf(salidas: Sequence[str], referencias: Sequence[str]) -> float:
    """chrF de ``sacrebleu.corpus_chrf`` con sus valores estándar (6 órdenes, β = 2, sin espacios).

    Se explica en 07_busqueda_en_haz_y_evaluacion."""
    _comprobar_textos(salidas, referencias)
    return float(_sacrebleu().corpus_chrf(list(salidas), [list(referencias)]).score)


def bleu(salidas: Sequence[str], referencias: Sequence[str]) -> float:
    """BLEU de ``sacrebleu.corpus_bleu`` con sus valores estándar (tokenizador 13a, suavizado exp).

    Se explica en 07_busqueda_en_haz_y_evaluacion."""
    _comprobar_textos(salidas, referencias)
    return float(_sacrebleu().corpus_bleu(list(salidas), [list(referencias)]).score)


def chrf_por_frase(salidas: Sequence[str], referencias: Sequence[str]) -> np.ndarray:
    """chrF de cada frase por separado (``sacrebleu.sentence_chrf``), para el análisis de errores.

    Se explica en 07_busqueda_en_haz_y_evaluacion."""
    _comprobar_textos(salidas, referencias)
    sacrebleu = _sacrebleu()
    return np.array([sacrebleu.sentence_chrf(s, [r]).score for s, r in zip(salidas, referencias)])


def evaluar_traducciones(salidas: Sequence[str], referencias: Sequence[str]) -> dict[str, float]:
    """Las cuatro medidas de un corpus: coincidencia exacta y exactitud por carácter (en %), chrF y BLEU.

    Se explica en 07_busqueda_en_haz_y_evaluacion."""
    return {
        "coincidencia_exacta": 100 * coincidencia_exacta(salidas, referencias),
        "exactitud_caracteres": 100 * exactitud_caracteres_media(salidas, referencias),
        "chrf": chrf(salidas, referencias),
        "bleu": bleu(salidas, referencias),
    }


# --- Varias referencias por frase (Tatoeba da a veces varias traducciones) --------------------
def agrupar_referencias(input_texts: Sequence[str], traducciones: Sequence[str]) -> dict[str, list[str]]:
    """Las traducciones de cada frase inglesa distinta, en el orden del archivo (sin repetir ninguna).

    Se explica en 07_busqueda_en_haz_y_evaluacion. Tatoeba traduce a veces la misma frase de
    varias maneras («Go.» → «Va !», «Bouge !»…): todas son correctas, y una salida que coincide
    con cualquiera de ellas no debe contar como error.
    """
    if len(input_texts) != len(traducciones):
        raise ValueError(f"hay {len(input_texts)} frases inglesas y {len(traducciones)} traducciones: deben ser tantas como frases.")
    grupos: dict[str, list[str]] = {}
    for frase, traduccion in zip(input_texts, traducciones):
        referencias = grupos.setdefault(frase, [])
        if traduccion not in referencias:
            referencias.append(traduccion)
    return grupos


def _flujos(referencias: Sequence[Sequence[str]]) -> list[list[str | None]]:
    """Referencias por frase → flujos de ``sacrebleu`` (uno por referencia; ``None`` donde una frase tiene menos)."""
    if not referencias or any(isinstance(r, str) or not r for r in referencias):
        raise ValueError("cada frase necesita una lista con al menos una referencia, p. ej. [['Va !', 'Bouge !'], ['Salut.']].")
    maximo = max(len(r) for r in referencias)
    return [[r[i] if i < len(r) else None for r in referencias] for i in range(maximo)]


def evaluar_multirreferencia(salidas: Sequence[str], referencias: Sequence[Sequence[str]]) -> dict[str, float]:
    """Coincidencia exacta con alguna referencia (%), chrF y BLEU de ``sacrebleu`` con todas las referencias.

    Se explica en 07_busqueda_en_haz_y_evaluacion. ``referencias[i]`` es la lista de traducciones
    correctas de la frase ``i``. chrF toma para cada frase la referencia que mejor encaja; BLEU
    cuenta los n-gramas que aparecen en cualquiera de ellas.
    """
    if len(salidas) != len(referencias):
        raise ValueError(f"hay {len(salidas)} salidas y {len(referencias)} listas de referencias: deben ser tantas como salidas.")
    flujos = _flujos(referencias)
    sacrebleu = _sacrebleu()
    return {
        "coincidencia_exacta": 100 * float(np.mean([normalizar_espacios(s) in {normalizar_espacios(x) for x in r}
                                                    for s, r in zip(salidas, referencias)])),
        "chrf": float(sacrebleu.corpus_chrf(list(salidas), flujos).score),
        "bleu": float(sacrebleu.corpus_bleu(list(salidas), flujos).score),
    }


def traducir_y_medir(
    frases: Sequence[str], referencias: Sequence[Sequence[str]], encoder_model, decoder_model, vocab, lote: int = 512
) -> dict:
    """Traduce las frases (voraz y por lotes, ``decodificar_lote``) y las mide con todas sus referencias.

    Se explica en 04_una_receta_que_aprende. Devuelve ``frases``, ``terminan`` (% de salidas que eligen
    ``\\n`` antes de agotar los pasos), las medidas de ``evaluar_multirreferencia`` y las ``salidas``.
    """
    from utils.datos import frase_a_encoder_input
    from utils.decodificacion import decodificar_lote, pasos_maximos

    if not frases:
        raise ValueError("no hay frases que traducir: pasa al menos una frase en inglés.")
    entradas = np.concatenate([frase_a_encoder_input(f, vocab) for f in frases])
    salidas: list[str] = []
    for i in range(0, len(frases), lote):
        salidas += decodificar_lote(entradas[i : i + lote], encoder_model, decoder_model, vocab)
    terminan = 100 * float(np.mean([len(s) < pasos_maximos(vocab) for s in salidas]))
    return {"frases": len(frases), "terminan": terminan, **evaluar_multirreferencia(salidas, referencias), "salidas": salidas}

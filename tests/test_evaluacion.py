"""Pruebas del cuaderno 06: medidas de utils/evaluacion.py y muestreo y búsqueda en haz de utils/decodificacion.py."""

import math

import keras
import numpy as np
import pytest
import sacrebleu

from utils import evaluacion, modelos
from utils.datos import FIN, INICIO
from utils.decodificacion import (
    ajustar_distribucion,
    busqueda_en_haz,
    decodificar_lote,
    log_probabilidad_de_textos,
    muestrear_lote,
    normalizar_por_longitud,
    pasos_maximos,
    sortear,
)

# Pares en francés para comparar las versiones a mano con sacrebleu: referencias cortas (sin
# 4-gramas), espacio fino, salida vacía, mayúsculas, puntuación pegada y una coincidencia exacta.
SALIDAS = ["Je suis su ai ae e e a", "Va\u202f!", "", "Il est là.", "Bon", "Tom est grand.", "Je t'aime.", "le le le le"]
REFERENCIAS = ["Je suis fatigué.", "Va\u202f!", "Cours\u202f!", "Il est ici.", "Bonjour\u202f!", "Tom est grand.", "Je t'adore.", "le chat"]


@pytest.fixture(scope="module")
def traductor(modelo_diminuto):
    """El modelo diminuto de tests/conftest.py y sus modelos de inferencia."""
    modelo, vocab, arreglos = modelo_diminuto
    encoder_model, decoder_model = modelos.construir_modelos_inferencia(modelo)
    return arreglos[0], encoder_model, decoder_model, vocab


# --- Medidas con valores calculados a mano ---------------------------------------------------
def test_exactitud_y_coincidencia_exacta_a_mano():
    assert evaluacion.exactitud_caracteres("abc", "abd") == pytest.approx(2 / 3)
    assert evaluacion.exactitud_caracteres("ab", "abcd") == 0.5, "los caracteres que faltan cuentan como fallos"
    assert evaluacion.exactitud_caracteres("", "") == 1.0 and evaluacion.exactitud_caracteres("x", "") == 0.0
    assert evaluacion.exactitud_caracteres_media(["abc", "ab"], ["abd", "abcd"]) == pytest.approx((2 / 3 + 0.5) / 2)
    assert evaluacion.coincidencia_exacta(["Va !", "Salut"], ["Va !", "Salut."]) == 0.5


def test_chrf_del_ejemplo_calculado_a_mano():
    # «lechat» frente a «leschats»: P = (6/6 + 4/5)/2 = 0,9; R = (6/8 + 4/7)/2 = 37/56; F2 = 333/477,2.
    np.testing.assert_array_equal(evaluacion.estadisticas_chrf("le chat", "les chats", orden=2), [[6, 8, 6], [5, 7, 4]])
    assert evaluacion.chrf_didactico(["le chat"], ["les chats"], orden=2) == pytest.approx(100 * 333 / 477.2, abs=1e-9)
    assert evaluacion.chrf_didactico(["Va !"], ["Va !"]) == pytest.approx(100.0)
    assert evaluacion.chrf_didactico(["xyz"], ["abc"]) == 0.0


def test_bleu_del_ejemplo_calculado_a_mano():
    salida, referencia = "le chat dort sur le tapis", "le chat noir dort sur le tapis"
    aciertos, totales, c, r = evaluacion.estadisticas_bleu(salida, referencia)
    assert list(aciertos) == [6, 4, 2, 1] and list(totales) == [6, 5, 4, 3] and (c, r) == (6, 7)
    esperado = 100 * math.exp(1 - 7 / 6) * (1 * 4 / 5 * 2 / 4 * 1 / 3) ** 0.25  # 51,15
    assert evaluacion.bleu_didactico([salida], [referencia]) == pytest.approx(esperado, abs=1e-9)
    aciertos, totales, _, _ = evaluacion.estadisticas_bleu("le le le le", "le chat")
    assert (aciertos[0], totales[0]) == (1, 4), "precisión recortada: «le» solo cuenta una vez"
    assert evaluacion.bleu_didactico(["le le le le"], ["le chat"]) == 0.0, "sin suavizado, un p_n nulo anula BLEU"


def test_versiones_a_mano_iguales_que_sacrebleu():
    assert evaluacion.chrf_didactico(SALIDAS, REFERENCIAS) == pytest.approx(sacrebleu.corpus_chrf(SALIDAS, [REFERENCIAS]).score, abs=1e-9)
    assert evaluacion.chrf_didactico(["le chat"], ["les chats"], orden=2) == pytest.approx(
        sacrebleu.corpus_chrf(["le chat"], [["les chats"]], char_order=2).score, abs=1e-9
    )
    con_4_gramas = (SALIDAS + ["le chat dort sur le tapis"], REFERENCIAS + ["le chat noir dort sur le tapis"])
    for salidas, referencias in [(SALIDAS, REFERENCIAS), con_4_gramas]:
        comparable = sacrebleu.corpus_bleu(salidas, [referencias], tokenize="none", smooth_method="none").score
        assert evaluacion.bleu_didactico(salidas, referencias) == pytest.approx(comparable, abs=1e-9)
    assert evaluacion.bleu_didactico(*con_4_gramas) > 0, "un caso con BLEU no nulo"


def test_evaluar_traducciones_usa_sacrebleu_por_defecto():
    medidas = evaluacion.evaluar_traducciones(SALIDAS, REFERENCIAS)
    assert set(medidas) == {"coincidencia_exacta", "exactitud_caracteres", "chrf", "bleu"}
    assert medidas["coincidencia_exacta"] == pytest.approx(100 * 2 / 8)
    assert medidas["chrf"] == sacrebleu.corpus_chrf(SALIDAS, [REFERENCIAS]).score
    assert medidas["bleu"] == sacrebleu.corpus_bleu(SALIDAS, [REFERENCIAS]).score
    por_frase = evaluacion.chrf_por_frase(SALIDAS, REFERENCIAS)
    assert por_frase.shape == (8,) and por_frase[1] == pytest.approx(100.0) and por_frase[2] == 0.0


@pytest.mark.parametrize(
    "funcion",
    [evaluacion.coincidencia_exacta, evaluacion.exactitud_caracteres_media, evaluacion.chrf_didactico,
     evaluacion.bleu_didactico, evaluacion.chrf, evaluacion.bleu, evaluacion.evaluar_traducciones],
)
def test_medidas_con_listas_que_no_valen(funcion):
    with pytest.raises(ValueError, match="no pueden estar vacías"):
        funcion([], [])
    with pytest.raises(ValueError, match="hay 2 salidas y 1 referencias"):
        funcion(["a", "b"], ["a"])
    with pytest.raises(TypeError, match="debe ser una lista de textos"):
        funcion("Je suis là.", "Je suis là.")
    with pytest.raises(TypeError, match=r"referencias\[1\] no es un texto"):
        funcion(["a", "b"], ["a", None])


# --- Muestreo ----------------------------------------------------------------------------------
def test_ajustar_distribucion():
    p = np.array([[0.5, 0.3, 0.15, 0.05], [0.1, 0.2, 0.3, 0.4]], dtype="float32")
    np.testing.assert_allclose(ajustar_distribucion(p, 1.0), p, rtol=1e-6)
    np.testing.assert_array_equal(ajustar_distribucion(p, 0), [[1, 0, 0, 0], [0, 0, 0, 1]])
    frio, caliente = ajustar_distribucion(p, 0.5), ajustar_distribucion(p, 2.0)
    np.testing.assert_allclose(frio[0], p[0] ** 2 / (p[0] ** 2).sum(), rtol=1e-6)
    assert frio[0, 0] > p[0, 0] > caliente[0, 0], "τ < 1 concentra y τ > 1 aplana"
    top2 = ajustar_distribucion(p, 1.0, top_k=2, prohibidos=[0])
    np.testing.assert_allclose(top2[0], [0, 0.3 / 0.45, 0.15 / 0.45, 0], rtol=1e-6)
    np.testing.assert_allclose(top2.sum(axis=1), 1.0)
    assert ajustar_distribucion(np.array([0.25, 0.25, 0.25, 0.25]), 0).tolist() == [1, 0, 0, 0], "empate: el primero, como argmax"


def test_sortear_sigue_la_distribucion():
    p = np.array([0.1, 0.0, 0.6, 0.3])
    sorteos = sortear(np.tile(p, (20_000, 1)), np.random.default_rng(0))
    assert 1 not in sorteos, "un índice con probabilidad 0 no sale nunca"
    np.testing.assert_allclose(np.bincount(sorteos, minlength=4) / len(sorteos), p, atol=0.015)


def test_muestreo_reproducible_y_con_temperatura_cero_voraz(traductor):
    encoder_input_data, encoder_model, decoder_model, vocab = traductor
    voraz = decodificar_lote(encoder_input_data, encoder_model, decoder_model, vocab)
    assert muestrear_lote(encoder_input_data, encoder_model, decoder_model, vocab, temperatura=0) == voraz
    assert muestrear_lote(encoder_input_data, encoder_model, decoder_model, vocab, top_k=1) == voraz
    a, b = (muestrear_lote(encoder_input_data, encoder_model, decoder_model, vocab, 1.5, rng=np.random.default_rng(3)) for _ in range(2))
    assert a == b, "misma semilla, mismas muestras"
    calientes = muestrear_lote(encoder_input_data, encoder_model, decoder_model, vocab, 5.0, rng=np.random.default_rng(4))
    assert calientes != voraz and not any(INICIO in t for t in calientes), "sortea de verdad y nunca \\t"
    assert all(len(t) <= pasos_maximos(vocab) for t in calientes)


# --- Búsqueda en haz ---------------------------------------------------------------------------
@pytest.mark.parametrize("alfa", [0.0, 0.7, 1.0])
def test_haz_de_ancho_uno_es_la_busqueda_voraz(traductor, alfa):
    encoder_input_data, encoder_model, decoder_model, vocab = traductor
    voraz = decodificar_lote(encoder_input_data, encoder_model, decoder_model, vocab)
    haz = busqueda_en_haz(encoder_input_data, encoder_model, decoder_model, vocab, k=1, alfa=alfa)
    assert [h[0].texto for h in haz] == voraz and all(len(h) == 1 for h in haz)


def test_haz_ordenado_bien_terminado_y_con_su_log_probabilidad(traductor, pares_diminutos):
    input_texts, target_texts = pares_diminutos
    encoder_input_data, encoder_model, decoder_model, vocab = traductor
    haz = busqueda_en_haz(encoder_input_data, encoder_model, decoder_model, vocab, k=3, alfa=0.7)
    assert len(haz) == len(input_texts) and all(len(h) == 3 for h in haz)
    for hipotesis in haz:
        claves = [(not hip.terminada, -hip.puntuacion) for hip in hipotesis]
        assert claves == sorted(claves)
        assert len({hip.texto for hip in hipotesis}) == 3
        for hip in hipotesis:
            assert FIN not in hip.texto and INICIO not in hip.texto
            assert len(hip.texto) < pasos_maximos(vocab) if hip.terminada else len(hip.texto) == pasos_maximos(vocab)
            assert hip.puntuacion == pytest.approx(normalizar_por_longitud(hip.log_prob, len(hip.texto) + hip.terminada, 0.7))
    mejores = [h[0] for h in haz]
    assert sum(hip.terminada for hip in mejores) >= 6, "el modelo memorizado termina sus frases"
    calculadas = log_probabilidad_de_textos(encoder_input_data, [hip.texto for hip in mejores], encoder_model, decoder_model, vocab)
    np.testing.assert_allclose(calculadas, [hip.log_prob for hip in mejores], atol=1e-3)
    voraz = decodificar_lote(encoder_input_data, encoder_model, decoder_model, vocab)
    assert sum(hip.texto == t[1:-1] for hip, t in zip(mejores, target_texts)) >= sum(v == t[1:-1] for v, t in zip(voraz, target_texts)) - 1


def test_normalizar_por_longitud():
    assert normalizar_por_longitud(-6.0, 3, 0.0) == -6.0
    assert normalizar_por_longitud(-6.0, 3, 1.0) == -2.0
    assert normalizar_por_longitud(-6.0, 0, 1.0) == -6.0, "longitud mínima 1"


# --- Argumentos que no valen -------------------------------------------------------------------
def test_errores_claros_en_espanol(traductor):
    encoder_input_data, encoder_model, decoder_model, vocab = traductor
    argumentos = (encoder_input_data, encoder_model, decoder_model, vocab)
    for k in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="ancho del haz k debe ser un entero mayor o igual que 1"):
            busqueda_en_haz(*argumentos, k=k)
    with pytest.raises(ValueError, match="alfa debe ser un número mayor o igual que 0"):
        busqueda_en_haz(*argumentos, alfa=-0.5)
    for temperatura in (-1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="temperatura debe ser un número finito mayor o igual que 0"):
            muestrear_lote(*argumentos, temperatura=temperatura)
    with pytest.raises(TypeError, match="la temperatura debe ser un número"):
        ajustar_distribucion(np.ones(3) / 3, "alta")
    for top_k in (0, -2, 1.5):
        with pytest.raises(ValueError, match="top_k debe ser None"):
            muestrear_lote(*argumentos, top_k=top_k)
    for funcion in (muestrear_lote, busqueda_en_haz):
        with pytest.raises(ValueError, match="el lote de entrada está vacío"):
            funcion(encoder_input_data[:0], encoder_model, decoder_model, vocab)
    with pytest.raises(ValueError, match="hay 8 frases de entrada y 2 textos"):
        log_probabilidad_de_textos(encoder_input_data, ["Va !", "Salut."], encoder_model, decoder_model, vocab)

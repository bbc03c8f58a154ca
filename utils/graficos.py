"""Etapa de gráficos: curvas de entrenamiento y probabilidades de la decodificación.

``graficar_historial`` se enseña en ``03_modelo_de_entrenamiento``;
``graficar_candidatos`` en ``06_decodificacion_argmax``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

NOMBRES_METRICAS = {
    "loss": "pérdida (entropía cruzada)",
    "accuracy": "exactitud (con relleno)",
    "exactitud_sin_relleno": "exactitud sin relleno",
    "chrf_parada": "chrF de las frases de parada",
}
# Métricas que no se miden en el entrenamiento sino en otras frases: la etiqueta de su curva.
CURVAS_SIN_ENTRENAMIENTO = {"chrf_parada": "frases de parada"}


def graficar_historial(historial: dict, metricas=("loss", "exactitud_sin_relleno"), titulo: str = "Curvas de entrenamiento"):
    """Entrenamiento frente a validación, un panel por métrica; devuelve la figura.

    ``chrf_parada`` (el chrF de las frases de parada de ``ParadaPorChrF``, cuaderno 04) se dibuja con
    su propia etiqueta y una línea en su mejor época.
    """
    fig, ejes = plt.subplots(1, len(metricas), figsize=(5.5 * len(metricas), 4), squeeze=False)
    for eje, metrica in zip(ejes[0], metricas):
        valores = historial[metrica]
        epocas = np.arange(1, len(valores) + 1)
        eje.plot(epocas, valores, "o-", label=CURVAS_SIN_ENTRENAMIENTO.get(metrica, "entrenamiento"))
        if metrica in CURVAS_SIN_ENTRENAMIENTO:
            mejor = int(np.nanargmax(np.asarray(valores, dtype=float))) + 1  # NaN: época sin medir
            eje.axvline(mejor, color="gray", linestyle=":", label=f"mejor época ({mejor})")
        if f"val_{metrica}" in historial:
            eje.plot(epocas, historial[f"val_{metrica}"], "s--", label="validación")
        nombre = NOMBRES_METRICAS.get(metrica, metrica)
        eje.set_title(nombre[:1].upper() + nombre[1:])
        eje.set_xlabel("época")
        eje.set_ylabel(NOMBRES_METRICAS.get(metrica, metrica))
        eje.grid(alpha=0.3)
        eje.legend()
    fig.suptitle(titulo)
    fig.tight_layout()
    return fig


def mostrar_caracter(caracter: str) -> str:
    """Versión visible de un carácter para etiquetas: espacios y tokens especiales con nombre."""
    especiales = {"\t": "⟨inicio⟩", "\n": "⟨fin⟩", " ": "␣", "\u202f": "⍽"}
    return especiales.get(caracter, caracter)


def graficar_candidatos(pasos: list[list[tuple[str, float]]], titulo: str = "Candidatos en cada paso"):
    """Mapa de calor: en cada paso (columna), los mejores candidatos y su probabilidad."""
    k = max(len(p) for p in pasos)
    probabilidades = np.zeros((k, len(pasos)))
    fig, eje = plt.subplots(figsize=(max(6, 0.55 * len(pasos) + 2), 0.5 * k + 2))
    for t, candidatos in enumerate(pasos):
        for fila, (caracter, prob) in enumerate(candidatos):
            probabilidades[fila, t] = prob
            color = "white" if prob > 0.5 else "black"
            eje.text(t, fila, mostrar_caracter(caracter), ha="center", va="center", color=color, fontsize=11)
    imagen = eje.imshow(probabilidades, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    eje.set_xticks(range(len(pasos)))
    eje.set_yticks(range(k), [f"{i + 1}.º" for i in range(k)])
    eje.set_xlabel("paso de decodificación")
    eje.set_ylabel("candidato (por probabilidad)")
    eje.set_title(titulo)
    fig.colorbar(imagen, ax=eje, label="probabilidad")
    fig.tight_layout()
    return fig

"""Versiones de Keras, TensorFlow y NumPy que admite el curso fuera de requirements.txt (Colab trae otras)."""

import re

import keras
import pytest

from utils import configuracion
from utils.configuracion import RAIZ, VERSIONES_ADMITIDAS, comprobar_versiones

FIJADAS = dict(re.findall(r"^(\S+)==(\S+)", (RAIZ / "requirements.txt").read_text(encoding="utf-8"), flags=re.M))


def test_con_las_versiones_fijadas_no_dice_nada(capsys):
    assert comprobar_versiones() == []
    assert capsys.readouterr().out == "", "nbval compara las salidas como texto: con requirements.txt, ni una línea"


@pytest.mark.parametrize("nombre", VERSIONES_ADMITIDAS)
def test_las_versiones_fijadas_estan_dentro_del_rango(nombre):
    fijada = FIJADAS[nombre.lower()]
    assert comprobar_versiones({nombre: fijada}) == [], f"requirements.txt fija {nombre} {fijada}, fuera de su rango"


@pytest.mark.parametrize(
    ("nombre", "version", "admitida"),
    [
        ("Keras", "2.15.0", False),  # la de TensorFlow 2.15 y anteriores: otro curso
        ("Keras", "3.0.0", True),
        ("Keras", "4.0.0", False),
        ("TensorFlow", "2.15.1", False),  # trae Keras 2 por defecto
        ("TensorFlow", "2.16.1", True),
        ("TensorFlow", "2.19.0", True),
        ("TensorFlow", "2.22.0rc1", True),
        ("TensorFlow", "3.0.0", False),
        ("NumPy", "1.25.2", False),
        ("NumPy", "1.26.4", True),
        ("NumPy", "2.0.2", True),
        ("NumPy", "3.0.0", False),
    ],
)
def test_rangos(nombre, version, admitida, capsys):
    avisos = comprobar_versiones({nombre: version})
    assert (avisos == []) == admitida
    if not admitida:
        minima, tope = VERSIONES_ADMITIDAS[nombre]
        aviso = avisos[0]
        assert f"{nombre} {version}" in aviso and f"≥ {minima} y < {tope}" in aviso
        assert f"{nombre.lower()}=={FIJADAS[nombre.lower()]}" in aviso, "dice qué versión instalar"
        assert capsys.readouterr().out.startswith("⚠️  "), "se ve en el cuaderno"


def test_el_cuaderno_avisa_con_una_version_mayor_distinta(monkeypatch, capsys):
    """Lo que vería un estudiante en Colab con un Keras 2 ya importado: el aviso antes de la configuración."""
    monkeypatch.setattr(keras, "__version__", "2.15.0")
    configuracion.preparar_cuaderno("prueba")
    salida = capsys.readouterr().out.splitlines()
    assert salida[0].startswith("⚠️  Keras 2.15.0 está fuera de las versiones que admite el curso")
    assert salida[-1].startswith("Configuración activa: «prueba»")


def test_el_readme_documenta_los_rangos():
    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    for nombre, (minima, tope) in VERSIONES_ADMITIDAS.items():
        fila = next((linea for linea in readme.splitlines() if linea.startswith(f"| {nombre} |")), "")
        assert FIJADAS[nombre.lower()] in fila and f"≥ {minima} y < {tope}" in fila, f"falta la fila de {nombre}"

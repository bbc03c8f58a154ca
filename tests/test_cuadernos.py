"""Pruebas de forma de los cuadernos (nbval comprueba aparte que se ejecutan y sus salidas)."""

import json
import re

import pytest

from utils.configuracion import DIR_CUADERNOS, RAIZ, URL_REPOSITORIO

CUADERNOS = sorted(DIR_CUADERNOS.glob("[0-9][0-9]_*.ipynb"))
NOMBRES = [c.name for c in CUADERNOS]


def celdas(ruta, tipo=None):
    cuaderno = json.loads(ruta.read_text(encoding="utf-8"))
    return [c for c in cuaderno["cells"] if tipo is None or c["cell_type"] == tipo]


def fuente(celda):
    return "".join(celda["source"])


def test_hay_cuadernos_numerados_en_orden():
    assert NOMBRES and NOMBRES[0].startswith("00_")
    numeros = [int(n[:2]) for n in NOMBRES]
    assert numeros == list(range(len(numeros))), "numeración sin huecos"
    assert all(n.isascii() and re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", n) for n in NOMBRES)


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_misma_celda_de_configuracion_que_la_introduccion(ruta):
    referencia = fuente(celdas(CUADERNOS[0], "code")[0])
    assert URL_REPOSITORIO in referencia, "la celda de configuración apunta al repositorio del curso"
    assert fuente(celdas(ruta, "code")[0]) == referencia


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_insignia_de_colab_apunta_a_este_cuaderno(ruta):
    cabecera = fuente(celdas(ruta)[0])
    assert cabecera.startswith("# ")
    enlace = f"https://colab.research.google.com/github/{URL_REPOSITORIO.removeprefix('https://github.com/')}/blob/main/notebooks/{ruta.name}"
    assert enlace in cabecera


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_secciones_del_curso(ruta):
    texto = "\n".join(fuente(c) for c in celdas(ruta, "markdown"))
    requeridas = ["## Objetivos de aprendizaje", "## Configuración", "## Resumen", "## Referencias"]
    if not ruta.name.startswith("00_"):
        requeridas += ["## Ejercicios", "## Soluciones"]
    for seccion in requeridas:
        assert seccion in texto, f"falta la sección {seccion!r}"
    if "## Ejercicios" in texto:
        ejercicios = texto.split("## Ejercicios")[1].split("## Soluciones")[0]
        assert len(re.findall(r"^\d+\. ", ejercicios, flags=re.M)) >= 3, "al menos tres ejercicios"


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_salidas_guardadas_limpias(ruta):
    codigo = celdas(ruta, "code")
    assert all(c.get("execution_count") for c in codigo), "guardado tras ejecutarlo entero"
    for celda in codigo:
        for salida in celda.get("outputs", []):
            assert salida["output_type"] != "error", f"salida de error guardada: {fuente(celda)[:60]!r}"
            texto = json.dumps(salida.get("text", "")) + json.dumps(salida.get("data", {}).get("text/plain", ""))
            assert str(RAIZ) not in texto and not re.search(r"/(home|root|Users)/\w", texto), "ruta de una máquina"
            assert "Traceback" not in texto

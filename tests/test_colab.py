"""Colab simulado: la celda de configuración de los cuadernos, ejecutada como en Colab.

Un módulo ``google.colab`` falso y un repositorio local (``file://``, hecho con los archivos del
árbol de trabajo) en lugar de GitHub; las celdas corren en un IPython nuevo, en una carpeta
vacía que hace de ``/content`` (``tests/colab_simulado.py``). Comprueba que la celda clona una
sola vez aunque se ejecute dos veces, pone la raíz del clon en ``sys.path`` y no instala nada
(Colab ya trae TensorFlow y Keras), y que las primeras celdas de cada lección importan
``utils`` del clon y eligen la configuración sin avisos de versiones.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from utils.configuracion import DIR_CUADERNOS, RAIZ, URL_REPOSITORIO

CUADERNOS = sorted(DIR_CUADERNOS.glob("[0-9][0-9]_*.ipynb"))
SIMULADOR = Path(__file__).with_name("colab_simulado.py")
CLON = "seq2seq-keras-es"  # la carpeta en la que clona la celda: Path.cwd() / "seq2seq-keras-es"
DEFINICION_URL = f'URL_CURSO = "{URL_REPOSITORIO}"'
ENTORNO = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "PYTHONPATH"}


def celdas_de_codigo(ruta: Path) -> list[str]:
    celdas = json.loads(ruta.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in celdas if c["cell_type"] == "code"]


def primeras_celdas(ruta: Path) -> list[str]:
    """Las celdas de código de una lección hasta la que llama a ``preparar_cuaderno()``, incluida."""
    codigo = celdas_de_codigo(ruta)
    fin = next((i for i, fuente in enumerate(codigo[:3]) if "preparar_cuaderno(" in fuente), None)
    assert fin is not None, f"{ruta.name}: ninguna de sus tres primeras celdas llama a preparar_cuaderno()"
    return codigo[: fin + 1]


@pytest.fixture(scope="module")
def repositorio_local(tmp_path_factory) -> str:
    """URL ``file://`` de un repositorio con los archivos del árbol de trabajo, también los no confirmados."""
    if shutil.which("git") is None:
        pytest.fail("La simulación de Colab necesita git (la celda clona con git): instálalo.", pytrace=False)
    lista = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=RAIZ, env=ENTORNO, capture_output=True, text=True,
    )  # fmt: skip
    if lista.returncode != 0:
        pytest.skip(f"{RAIZ} no es un clon de git ({lista.stderr.strip()}): la simulación de Colab copia uno.")
    origen = tmp_path_factory.mktemp("github") / CLON
    for nombre in filter(None, lista.stdout.split("\0")):
        if (RAIZ / nombre).is_file():  # sin los borrados aún no confirmados
            (origen / nombre).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(RAIZ / nombre, origen / nombre)
    git = ["git", "-c", "user.name=Curso", "-c", "user.email=curso@example.invalid", "-c", "commit.gpgsign=false"]
    for orden in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Árbol de trabajo para simular Colab"]):
        subprocess.run([*git, *orden], cwd=origen, env=ENTORNO, check=True, capture_output=True)
    return origen.as_uri()


@pytest.fixture(scope="module")
def colab(repositorio_local, tmp_path_factory) -> dict:
    """Informe de ``colab_simulado.py``: la celda de configuración dos veces y las primeras de cada lección."""
    contenido = tmp_path_factory.mktemp("content")  # el /content de Colab, vacío
    configuracion = celdas_de_codigo(CUADERNOS[0])[0]
    assert configuracion.count(DEFINICION_URL) == 1, f"la celda de configuración ya no contiene {DEFINICION_URL}: actualiza esta prueba"
    configuracion = configuracion.replace(DEFINICION_URL, f'URL_CURSO = "{repositorio_local}"')
    plan = [{"nombre": "configuración, 1.ª vez", "fuente": configuracion}, {"nombre": "configuración, 2.ª vez", "fuente": configuracion}]
    for ruta in CUADERNOS:
        plan += [{"nombre": f"{ruta.name}, celda {i}", "fuente": f} for i, f in enumerate(primeras_celdas(ruta)[1:], start=2)]
    (contenido.parent / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    informe = contenido.parent / "informe.json"
    proceso = subprocess.run(
        [sys.executable, str(SIMULADOR), str(contenido.parent / "plan.json"), str(informe)],
        cwd=contenido, env=ENTORNO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proceso.returncode == 0, f"colab_simulado.py falló:\n{proceso.stderr[-3000:]}"
    return {**json.loads(informe.read_text(encoding="utf-8")), "clon": str(contenido / CLON), "url": repositorio_local}


def test_las_celdas_se_ejecutan_sin_error(colab):
    fallidas = [f"{p['nombre']}: {p['error']}\n{p['salida'][-1500:]}" for p in colab["pasos"] if p["error"]]
    assert not fallidas, "celdas que fallan en Colab:\n" + "\n".join(fallidas)


def test_clona_una_sola_vez(colab):
    primera, segunda = colab["pasos"][:2]
    assert primera["ordenes"] == [["git", "clone", "--quiet", "--depth", "1", colab["url"], colab["clon"]]]
    assert segunda["ordenes"] == [], "al ejecutarla otra vez no debe volver a clonar"
    superficial = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=colab["clon"], env=ENTORNO, capture_output=True, text=True)
    assert superficial.stdout.strip() == "true", "clon superficial (--depth 1): más rápido en Colab"


def test_la_raiz_del_clon_esta_en_sys_path(colab):
    assert colab["RAIZ"] == colab["clon"]
    assert colab["sys_path"].count(colab["clon"]) == 1, "una sola vez, aunque la celda se ejecute varias veces"
    assert colab["utils"] == str(Path(colab["clon"]) / "utils" / "__init__.py"), "utils se importa del clon"


def test_no_instala_nada(colab):
    ordenes = [" ".join(o) if isinstance(o, list) else o for p in colab["pasos"] for o in p["ordenes"]]
    otras = [o for o in ordenes if not o.startswith("git clone ")]  # el clon, en test_clona_una_sola_vez
    instalaciones = [o for o in otras if re.search(r"\b(pip3?|conda|mamba|uv|apt(-get)?|install|tensorflow|keras)\b", o)]
    assert not instalaciones, f"instala algo (Colab ya trae TensorFlow y Keras): {instalaciones}"


@pytest.mark.parametrize("ruta", CUADERNOS, ids=[c.name for c in CUADERNOS])
def test_la_leccion_elige_la_configuracion(colab, ruta):
    salida = "".join(p["salida"] for p in colab["pasos"] if p["nombre"].startswith(f"{ruta.name},"))
    assert "Configuración activa: «prueba»" in salida, f"{ruta.name} no anunció la configuración: {salida!r}"
    assert "⚠️" not in salida, f"avisos con las versiones de requirements.txt: {salida!r}"


@pytest.mark.parametrize("ruta", CUADERNOS, ids=[c.name for c in CUADERNOS])
def test_ninguna_celda_instala_tensorflow_keras_o_numpy(ruta):
    """En Colab, reinstalarlos rompe el entorno (versiones de CUDA) y obliga a reiniciar la sesión."""
    instalaciones = [linea for f in celdas_de_codigo(ruta) for linea in f.splitlines() if re.search(r"pip\W+install", linea)]
    prohibidas = [linea for linea in instalaciones if re.search(r"\b(tensorflow|tf-nightly|keras|numpy)\b", linea, flags=re.I)]
    assert not prohibidas, f"{ruta.name} instala paquetes que Colab ya trae: {prohibidas}"

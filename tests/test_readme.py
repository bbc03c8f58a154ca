"""El README dice la verdad: la orden de CI, los cuadernos y las funciones públicas de utils/."""

import importlib
import inspect
import pkgutil
import re

import pytest

import utils
from utils.configuracion import DIR_CUADERNOS, RAIZ, URL_REPOSITORIO

README = (RAIZ / "README.md").read_text(encoding="utf-8")
BLOQUES = re.findall(r"```bash\n(.*?)```", README, flags=re.S)


def test_dos_ordenes_para_una_maquina_nueva():
    ordenes = [b.strip() for b in BLOQUES if "requirements.txt" in b]
    assert len(ordenes) == 2
    assert ordenes[0].endswith("jupyter lab notebooks/")
    assert ordenes[1].endswith("python -m pytest")


def test_ci_ejecuta_la_orden_de_pruebas_del_readme():
    orden = next(b.strip() for b in BLOQUES if b.strip().endswith("python -m pytest"))
    ci = (RAIZ / ".ci" / "run").read_text(encoding="utf-8")
    assert orden in ci.splitlines()


@pytest.mark.parametrize("ruta", sorted(DIR_CUADERNOS.glob("[0-9][0-9]_*.ipynb")), ids=lambda r: r.name)
def test_tabla_de_cuadernos_con_insignia(ruta):
    assert f"(notebooks/{ruta.name})" in README
    repo = URL_REPOSITORIO.removeprefix("https://github.com/")
    assert f"colab.research.google.com/github/{repo}/blob/main/notebooks/{ruta.name}" in README


def nombres_publicos():
    for modulo in pkgutil.iter_modules(utils.__path__):
        mod = importlib.import_module(f"utils.{modulo.name}")
        for nombre, objeto in vars(mod).items():
            if nombre.startswith("_") or getattr(objeto, "__module__", None) != mod.__name__:
                continue
            if inspect.isfunction(objeto) or inspect.isclass(objeto):
                yield f"utils.{modulo.name}", nombre


@pytest.mark.parametrize(("modulo", "nombre"), list(nombres_publicos()))
def test_cada_funcion_publica_aparece_en_el_readme(modulo, nombre):
    assert f"**`{modulo}`**" in README
    assert re.search(rf"`{nombre}[`(]", README), f"{modulo}.{nombre} no aparece en la sección de utils/"


def test_las_capturas_son_del_curso_actual():
    """Las capturas del README se hicieron con las lecciones de hoy (si no, regenerarlas: ver «El curso como sitio web»)."""
    import json
    import sys

    sys.path.insert(0, str(RAIZ / "tests"))
    from navegador import ARCHIVO_DE_CAPTURAS, lecciones_del_curso

    carpeta = RAIZ / "imagenes" / "capturas"
    registro = json.loads((carpeta / ARCHIVO_DE_CAPTURAS).read_text(encoding="utf-8"))
    for captura in sorted(carpeta.glob("*.png")):
        assert f"imagenes/capturas/{captura.name}" in README or captura.name in registro, f"{captura.name} sin usar"
        assert registro.get(captura.name) == lecciones_del_curso(), (
            f"{captura.name} es de un curso con otras lecciones: regenérala con SEQ2SEQ_CAPTURAS=imagenes/capturas "
            "python -m pytest tests/test_jupyterlab.py tests/test_sitio.py")

"""Los informes de benchmarks/ no dan por cumplido un objetivo medido en una ejecución que falló."""

import importlib.util

from utils.configuracion import RAIZ


def cargar(nombre: str):
    especificacion = importlib.util.spec_from_file_location(nombre, RAIZ / "benchmarks" / f"{nombre}.py")
    modulo = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(modulo)
    return modulo


def test_el_tiempo_de_las_pruebas_solo_cuenta_si_pasan():
    benchmark = cargar("benchmark")
    fallida = {"segundos": 120, "resumen": "31 failed, 511 passed in 120s", "codigo": 1}
    objetivo, medido, cumple = benchmark.fila_de_pruebas(fallida)
    assert cumple is None and medido.startswith("no medido") and "31 failed" in medido
    assert benchmark.marca(cumple) == "— sin medir"
    verde = {"segundos": 120, "resumen": "542 passed in 120s", "codigo": 0}
    assert benchmark.fila_de_pruebas(verde)[2] is True
    assert benchmark.fila_de_pruebas({**verde, "segundos": 3600})[2] is False
    assert benchmark.marca(True) == "✔ cumple" and benchmark.marca(False) == "✘ no cumple"

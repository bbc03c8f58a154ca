"""Pruebas de utils/configuracion.py."""

import os
from pathlib import Path

import pytest

from utils import configuracion
from utils.configuracion import CONFIGURACIONES, obtener_configuracion


def test_pytest_elige_la_configuracion_de_prueba():
    assert os.environ["SEQ2SEQ_CONFIG"] == "prueba"
    config = obtener_configuracion()
    assert config.nombre == "prueba" and not config.datos_completos


def test_configuracion_del_curso_tiene_los_tamanos_clasicos_y_la_receta_que_aprende():
    curso = CONFIGURACIONES["curso"]
    assert (curso.num_pares, curso.batch_size) == (10_000, 64), "los pares y los lotes del curso original"
    # Algo mayor que el original (256): con 384 unidades la receta alcanza en ~15 min de CPU los objetivos medidos
    # en benchmarks/resultados/receta.md; el cuaderno 03 sigue contando los parámetros del original.
    assert curso.latent_dim == 384
    assert curso.parada == "chrf" and 0 < curso.fraccion_parada < curso.fraccion_validacion
    assert curso.datos_completos and curso.clipnorm > 0 and 0 < curso.dropout < 1
    assert 1e-3 <= curso.tasa_aprendizaje <= 1e-2, "la tasa de Adam de la receta que aprende (cuaderno 04)"
    from utils import modelos

    assert modelos.TASA_CLASICA == 0.001, "la receta clásica conserva el valor por defecto de RMSprop"


def test_la_configuracion_de_prueba_es_mas_pequena():
    curso, prueba = CONFIGURACIONES["curso"], CONFIGURACIONES["prueba"]
    assert prueba.num_pares < curso.num_pares and prueba.latent_dim < curso.latent_dim and prueba.epocas <= curso.epocas


def test_variable_de_entorno_y_nombre_invalido(monkeypatch):
    monkeypatch.setenv("SEQ2SEQ_CONFIG", " Curso ")
    assert obtener_configuracion().nombre == "curso"
    monkeypatch.setenv("SEQ2SEQ_CONFIG", "rapida")
    with pytest.raises(ValueError, match="configuración desconocida: 'rapida'.*curso, prueba"):
        obtener_configuracion()


def test_rutas_desde_la_raiz_del_repositorio():
    raiz = configuracion.RAIZ
    assert (raiz / "utils" / "__init__.py").is_file() and (raiz / "README.md").is_file()
    for carpeta in (configuracion.DIR_CUADERNOS, configuracion.DIR_DATOS, configuracion.DIR_IMAGENES):
        assert carpeta.is_dir() and carpeta.parent == raiz


def test_las_rutas_no_dependen_del_directorio_de_trabajo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert configuracion.RAIZ == Path(configuracion.__file__).resolve().parent.parent


def test_preparar_cuaderno_fija_semillas_y_anuncia(capsys):
    import numpy as np

    configuracion.preparar_cuaderno("prueba")
    a = np.random.rand(3)
    configuracion.preparar_cuaderno("prueba")
    b = np.random.rand(3)
    assert (a == b).all()
    assert "Configuración activa: «prueba»" in capsys.readouterr().out


def test_descargas_y_modelos_estan_ignorados_por_git():
    ignorado = (configuracion.RAIZ / ".gitignore").read_text(encoding="utf-8")
    assert "datos/descargas/" in ignorado and "modelos/" in ignorado

"""El modelo de la receta del cuaderno 04 en «curso» (``datos/receta/``), que la lección carga en lugar de entrenarlo.

Que es esa receta con la configuración «curso» de hoy (si la configuración cambia, estas pruebas
fallan y dicen cómo volver a entrenarlo), que su historial tiene lo que dibuja el cuaderno y que,
cargado, traduce frases que no vio. Sus cifras de calidad las da ``benchmarks/calidad.py --reservadas``.
"""

import dataclasses
import json
import re
import shutil
import zipfile

import numpy as np
import pytest
from keras import layers

from utils import modelos, paquetes
from utils.configuracion import DIR_RECETA, obtener_configuracion
from utils.datos import CORPUS_CURSO, leer_pares, motivo_intraducible
from utils.evaluacion import agrupar_referencias, traducir_y_medir

CURSO = obtener_configuracion("curso")


@pytest.fixture(scope="module")
def receta():
    return modelos.cargar_preentrenado(DIR_RECETA)


def test_es_la_receta_con_la_configuracion_curso(receta):
    assert receta.configuracion == dataclasses.asdict(CURSO), (
        f"datos/receta/ se entrenó con otra configuración «curso»: vuelve a entrenarlo con `{modelos.ORDEN_RECETA}`")
    registro = receta.entrenamiento
    assert registro["orden"].endswith("--epocas 8 --paquete datos/receta")
    particion = registro["particion"]
    assert (particion["pares"], particion["fraccion"], particion["semilla"]) == (CURSO.num_pares, CURSO.fraccion_validacion,
                                                                                 CURSO.semilla)
    assert registro["pares"] <= CURSO.num_pares and 0 < registro["entrenamiento"] < registro["pares"]


def test_cabe_en_git_sin_optimizador_ni_dropout(receta):
    ruta = DIR_RECETA / paquetes.ARCHIVO_MODELO
    assert ruta.stat().st_size <= 10 * 1024**2
    with zipfile.ZipFile(ruta) as archivo:
        assert not json.loads(archivo.read("config.json")).get("compile_config")
    assert not any(isinstance(capa, layers.Dropout) for capa in receta.modelo.layers)
    assert modelos.codificador_enmascarado(receta.modelo)
    assert receta.modelo.count_params() == modelos.construir_modelo_ligero(
        receta.vocab.num_encoder_tokens, receta.vocab.num_decoder_tokens, CURSO.latent_dim).count_params()


def test_su_historial_tiene_lo_que_dibuja_el_cuaderno(receta):
    registro = receta.entrenamiento
    historia = registro["historia"]
    assert {"loss", "val_loss", "exactitud_sin_relleno", modelos.CLAVE_CHRF} <= set(historia)
    assert {len(v) for v in historia.values()} == {registro["epocas"]} and registro["epocas"] <= CURSO.epocas
    assert registro["mejor_epoca"] == int(np.argmax(historia[modelos.CLAVE_CHRF])) + 1 == modelos.mejor_epoca(historia)
    assert historia["loss"][-1] < historia["loss"][0] and min(historia["val_loss"]) < historia["val_loss"][0]


def test_sabe_que_frases_vio(receta):
    assert len(receta.huellas_vistas) == len(set(receta.huellas_vistas.tolist())) > 1000
    assert receta.vio("Go.") and not receta.vio("Qwerty zxcv asdf.")


def test_traduce_frases_que_no_vio_y_casi_todas_terminan(receta):
    # Sin red, «curso» lee el corpus de datos/: el cuaderno mide entonces las frases que el modelo sabe leer y no vio.
    corpus = leer_pares(CORPUS_CURSO, num_pares=CURSO.num_pares, mostrar_resumen=False)
    referencias = agrupar_referencias(corpus.ingles, corpus.frances)
    frases = [f for f in referencias if motivo_intraducible(f, receta.vocab) is None and not receta.vio(f)][:300]
    assert len(frases) == 300
    medidas = traducir_y_medir(frases, [referencias[f] for f in frases], *modelos.construir_modelos_inferencia(receta.modelo),
                               receta.vocab)
    assert medidas["terminan"] >= 95, medidas["terminan"]
    assert medidas["chrf"] > 15, medidas["chrf"]


def test_si_falta_algo_dice_la_orden_de_la_receta(tmp_path, monkeypatch):
    copia = tmp_path / "receta"
    shutil.copytree(DIR_RECETA, copia)
    monkeypatch.setattr(modelos, "DIR_RECETA", copia)  # como si fuera datos/receta/
    (copia / paquetes.ARCHIVO_ENTRENAMIENTO).unlink()
    with pytest.raises(FileNotFoundError, match=f"(?s)falta entrenamiento.json.*{re.escape(modelos.ORDEN_RECETA)}"):
        modelos.cargar_preentrenado(copia)

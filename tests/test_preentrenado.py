"""El modelo preentrenado que trae el curso (``datos/preentrenado/``): que está, que traduce y que falla bien.

Pruebas baratas: cargar el paquete, traducir unas frases de su entrenamiento y el corpus de
``datos/`` (que no vio) por lotes. Sus cifras de calidad completas las da ``benchmarks/calidad.py``.
"""

import json
import shutil
import zipfile

import numpy as np
import pytest

from utils import modelos, paquetes
from utils.configuracion import DIR_PREENTRENADO, obtener_configuracion
from utils.datos import CORPUS_CURSO, leer_pares, motivo_intraducible
from utils.decodificacion import pasos_maximos, traducir
from utils.evaluacion import agrupar_referencias, traducir_y_medir

# Frases de su entrenamiento (Tatoeba) que traduce exactamente como su referencia, elegidas tras entrenarlo.
# De sus frases de entrenamiento sale exacta casi una de cada tres (benchmarks/resultados/calidad_preentrenado_vistas.md);
# de esas, estas ganan en cada paso por al menos 0,8 de probabilidad a la segunda letra, así que otra máquina
# (otro redondeo de coma flotante) no cambia la salida.
FRASES_VISTAS = {
    "I will go.": "J'irai.",
    "I am cold.": "J'ai froid.",
    "We want Tom.": "Nous voulons Tom.",
    "He deserved it.": "Il l'a mérité.",
    "He's not home.": "Il n'est pas à la maison.",
    "She is not here yet.": "Elle n'est pas encore là.",
    "It's too late for me.": "C'est trop tard pour moi.",
    "Tom doesn't like me.": "Tom ne m'aime pas.",
}


@pytest.fixture(scope="module")
def preentrenado():
    return modelos.cargar_preentrenado()


@pytest.fixture(scope="module")
def inferencia(preentrenado):
    return modelos.construir_modelos_inferencia(preentrenado.modelo)


def test_el_paquete_cabe_en_git_y_no_guarda_el_optimizador(preentrenado):
    ruta = DIR_PREENTRENADO / paquetes.ARCHIVO_MODELO
    assert ruta.stat().st_size <= 15 * 1024**2, "el modelo preentrenado debe ocupar como mucho 15 MB"
    with zipfile.ZipFile(ruta) as archivo:
        configuracion = json.loads(archivo.read("config.json"))
    assert not configuracion.get("compile_config"), "el paquete no debe llevar optimizador ni compilación"
    assert getattr(preentrenado.modelo, "optimizer", None) is None
    assert modelos.codificador_enmascarado(preentrenado.modelo), "la receta que aprende enmascara el codificador"


def test_sabe_que_frases_vio(preentrenado):
    registro = preentrenado.entrenamiento
    assert len(preentrenado.huellas_vistas) > 1000 and registro["particion"]["tipo"] == "por frase inglesa"
    assert registro["entrenamiento"] + registro["reservados"] == registro["pares"]
    assert preentrenado.vio("I'm hungry.") and not preentrenado.vio("Qwerty zxcv asdf.")


def test_su_registro_dice_que_epoca_se_quedo_y_con_que_frases_paro(preentrenado):
    registro = preentrenado.entrenamiento
    assert registro["mejor_epoca"] == modelos.mejor_epoca(registro["historia"]) <= registro["epocas"]
    assert 0 < registro["particion"]["parada"]["fraccion"] < 1 and registro["frases_de_parada"] > 0
    assert registro["reservados_medidos"] + registro["pares_de_parada"] == registro["reservados_utiles"]


def test_traduce_exactamente_frases_de_su_entrenamiento(preentrenado, inferencia):
    frases = list(FRASES_VISTAS)
    assert all(preentrenado.vio(f) for f in frases), "la lista debe tener solo frases de su entrenamiento"
    traducciones = traducir(frases, *inferencia, preentrenado.vocab)
    assert dict(zip(frases, traducciones)) == FRASES_VISTAS


def test_casi_todas_sus_traducciones_del_corpus_del_curso_terminan(preentrenado, inferencia):
    corpus = leer_pares(CORPUS_CURSO, mostrar_resumen=False)
    referencias = agrupar_referencias(corpus.ingles, corpus.frances)
    frases = [f for f in referencias if motivo_intraducible(f, preentrenado.vocab) is None]
    assert len(frases) > 1500
    medidas = traducir_y_medir(frases, [referencias[f] for f in frases], *inferencia, preentrenado.vocab)
    assert medidas["terminan"] >= 98, f"solo terminan el {medidas['terminan']:.1f} % de las traducciones"
    assert all(len(s) <= pasos_maximos(preentrenado.vocab) for s in medidas["salidas"])


def test_los_cuadernos_lo_usan_por_defecto():
    curso = modelos.cargar_modelo_del_curso("preentrenado", obtener_configuracion("prueba"))
    assert curso.origen == "preentrenado" and len(curso.evaluacion.input_texts) > 1000
    assert curso.saltados.get("vistos al entrenar", 0) > 0, "las frases que vio no cuentan para medirlo"
    with pytest.raises(ValueError, match="ORIGEN_MODELO debe ser uno de"):
        modelos.cargar_modelo_del_curso("otro", obtener_configuracion("prueba"))


# --- Un paquete preentrenado que falta, está cortado o no corresponde --------------------------------
@pytest.fixture
def copia(tmp_path):
    destino = tmp_path / "preentrenado"
    shutil.copytree(DIR_PREENTRENADO, destino)
    return destino


@pytest.mark.parametrize("archivo", [paquetes.ARCHIVO_MODELO, paquetes.ARCHIVO_METADATOS, paquetes.ARCHIVO_ENTRENAMIENTO, paquetes.ARCHIVO_VISTAS])
def test_falta_un_archivo(copia, archivo):
    (copia / archivo).unlink()
    with pytest.raises(FileNotFoundError, match=f"(?s){archivo}.*{modelos.ORDEN_REENTRENAR}"):
        modelos.cargar_preentrenado(copia)


def test_modelo_cortado(copia):
    ruta = copia / paquetes.ARCHIVO_MODELO
    ruta.write_bytes(ruta.read_bytes()[: ruta.stat().st_size // 2])
    antes = sorted(p.name for p in copia.iterdir())
    with pytest.raises(ValueError, match=f"(?s)modelo.keras.*{modelos.ORDEN_REENTRENAR}"):
        modelos.cargar_preentrenado(copia)
    assert sorted(p.name for p in copia.iterdir()) == antes, "cargar no deja nada a medias"


def test_vocabulario_que_no_corresponde(copia):
    ruta = copia / paquetes.ARCHIVO_METADATOS
    metadatos = json.loads(ruta.read_text(encoding="utf-8"))
    metadatos["vocabulario"]["input_characters"] = metadatos["vocabulario"]["input_characters"][::-1]
    ruta.write_text(json.dumps(metadatos, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match=f"(?s)no se puede usar.*{modelos.ORDEN_REENTRENAR}"):
        modelos.cargar_preentrenado(copia)


def test_huellas_danadas(copia):
    np.save(copia / paquetes.ARCHIVO_VISTAS, np.array(["texto"]))
    with pytest.raises(ValueError, match=f"(?s)dañados.*{modelos.ORDEN_REENTRENAR}"):
        modelos.cargar_preentrenado(copia)

"""La orden que pone todos los modelos del curso uno al lado del otro (``benchmarks/comparar_modelos.py``).

Se ejecuta de punta a punta con el corpus de ``datos/`` y cuatro paquetes diminutos entrenados aquí por
sus órdenes (una época, unas decenas de unidades): lo que se comprueba es el procedimiento (una fila por
paquete, las mismas frases para todos, ninguna vista al entrenar, las cifras anotadas por cada paquete,
los errores antes de trabajar), no la calidad ni los tiempos.
"""

import importlib.util
import json
import shutil
import subprocess
import sys

import pytest

from utils.configuracion import RAIZ
from utils.datos import CORPUS_CURSO, leer_pares
from utils.evaluacion import agrupar_referencias

NOMBRES = ["LSTM de caracteres (`RUTA/A/preentrenado`)", "GRU de palabras (`RUTA/A/palabras`)",
           "GRU de palabras con atención (`RUTA/A/palabras_atencion`)", "Transformer de subpalabras (`RUTA/A/transformer`)"]
CARPETAS = ["preentrenado", "palabras", "palabras_atencion", "transformer"]


def cargar(nombre: str):
    especificacion = importlib.util.spec_from_file_location(nombre, RAIZ / "benchmarks" / f"{nombre}.py")
    modulo = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(modulo)
    return modulo


@pytest.fixture(scope="module")
def paquetes(tmp_path_factory):
    """Los cuatro paquetes del curso, diminutos, entrenados con el corpus de datos/ por sus órdenes."""
    carpeta = tmp_path_factory.mktemp("paquetes")

    def salidas(nombre: str) -> list[str]:
        return ["--corpus", str(CORPUS_CURSO), "--salida", str(carpeta / nombre), "--trabajo", str(carpeta / f"t_{nombre}"),
                "--curva", str(carpeta / f"{nombre}.png"), "--informe", str(carpeta / f"{nombre}.md")]

    cargar("entrenar_preentrenado").main(salidas("preentrenado") + ["--latent-dim", "16", "--epocas", "1"])
    cargar("entrenar_transformer").main(salidas("transformer") + [
        "--tamano-vocabulario", "300", "--d-model", "16", "--cabezas", "2", "--d-ff", "32", "--capas", "1", "--epocas", "1",
        "--max-tokens", "24"])
    diminuto = ["--epocas", "1", "--tamano-vocabulario", "200", "--embedding", "8", "--unidades", "8", "--capas", "1",
                "--batch-size", "128"]
    cargar("entrenar_palabras").main(salidas("palabras") + diminuto)
    cargar("entrenar_palabras").main(salidas("palabras_atencion") + diminuto + ["--atencion", "--sin-estado-inicial"])
    return carpeta


def opciones(paquetes, salida) -> list[str]:
    return ["--corpus", str(CORPUS_CURSO), "--preentrenado", str(paquetes / "preentrenado"),
            "--palabras", str(paquetes / "palabras"), "--palabras-atencion", str(paquetes / "palabras_atencion"),
            "--transformer", str(paquetes / "transformer"), "--informe", str(salida / "comparacion.md"),
            "--grafico", str(salida / "comparacion.png")]


def con(argumentos: list[str], opcion: str, valor) -> list[str]:
    """``argumentos`` con otro valor para ``opcion``."""
    argumentos = list(argumentos)
    argumentos[argumentos.index(opcion) + 1] = str(valor)
    return argumentos


def tabla_principal(texto: str) -> list[list[str]]:
    """Las filas (celdas) de la tabla que empieza por «| modelo |»."""
    lineas = texto.splitlines()
    inicio = next(i for i, linea in enumerate(lineas) if linea.startswith("| modelo |"))
    filas = []
    for linea in lineas[inicio + 2:]:
        if not linea.startswith("|"):
            break
        filas.append([celda.strip() for celda in linea.strip("|").split("|")])
    return filas


def frases_medidas(paquetes) -> dict[str, list[str]]:
    """Las frases inglesas reservadas que se miden (sin las de parada), calculadas aparte con calidad.py."""
    calidad = cargar("calidad")
    corpus = leer_pares(CORPUS_CURSO, mostrar_resumen=False)
    particion = json.loads((paquetes / "preentrenado" / "entrenamiento.json").read_text(encoding="utf-8"))["particion"]
    medidos, _ = calidad.partir_reservados(corpus.ingles, particion)
    return agrupar_referencias([corpus.ingles[i] for i in medidos], [corpus.frances[i] for i in medidos])


def test_compara_los_cuatro_paquetes_con_las_mismas_frases_que_ninguno_vio(paquetes, tmp_path, capsys):
    from utils import paquetes as P

    resumen = cargar("comparar_modelos").main(opciones(paquetes, tmp_path))
    salida = capsys.readouterr().out

    texto = (tmp_path / "comparacion.md").read_text(encoding="utf-8")
    filas = tabla_principal(texto)
    assert [f[0] for f in filas] == NOMBRES and all(len(f) == 9 for f in filas)
    for fila, carpeta, evaluado in zip(filas, CARPETAS, ["evaluar", "evaluar_palabras", "evaluar_palabras",
                                                        "evaluar_transformer"]):
        assert fila[8].startswith(f"paquete `RUTA/A/{carpeta}`: ") and fila[8].endswith(f"Evaluado como `calidad.{evaluado}`")
        assert "1 época, mejor 1" in fila[8]
    assert "entrenado por esta orden" not in texto and "esta orden no entrena nada" in texto
    assert texto.startswith("# ") and "- Orden: `python benchmarks/comparar_modelos.py --corpus datos/fra-eng-curso.txt" in texto
    assert "--palabras-atencion RUTA/A/palabras_atencion" in texto
    assert str(tmp_path) not in texto and str(RAIZ) not in texto  # ninguna ruta de esta máquina
    assert (tmp_path / "comparacion.png").stat().st_size > 0

    # Parámetros y tiempo de entrenamiento: los que anotó cada paquete de palabras en su metadatos.json.
    cifras = resumen["modelos"]
    assert list(cifras) == NOMBRES
    for nombre, carpeta in zip(NOMBRES[1:3], CARPETAS[1:3]):
        extra = json.loads((paquetes / carpeta / "metadatos.json").read_text(encoding="utf-8"))["extra"]
        assert (cifras[nombre]["parametros"], cifras[nombre]["segundos_entrenamiento"]) == (extra["parametros"],
                                                                                             extra["segundos"])

    # Las mismas frases para los cuatro: las reservadas medidas que todos leen, y ninguna vista al entrenar.
    medidas = frases_medidas(paquetes)
    for carpeta in CARPETAS:
        huellas = P.huellas_vistas(paquetes / carpeta)
        assert huellas is not None and not any(P.vio(huellas, frase) for frase in medidas)
    assert {c["huella_frases"] for c in cifras.values()} == {resumen["huella_frases"]}
    assert {c["frases"] for c in cifras.values()} == {resumen["frases"]}
    assert resumen["frases"] + resumen["quitadas"] == len(medidas)
    saltadas_por_modelo = [sum(c["saltadas"].values()) for c in cifras.values()]
    assert max(saltadas_por_modelo) <= resumen["quitadas"] <= sum(saltadas_por_modelo)  # cada una, por algún modelo
    assert not any("vistas al entrenar" in c["saltadas"] for c in cifras.values())
    # La tabla por longitud reparte esas mismas frases, con los mismos tramos para todos.
    lineas = texto.splitlines()
    inicio = next(i for i, linea in enumerate(lineas) if linea.startswith("| longitud (caracteres) |"))
    por_tramo = [linea.split("|")[2] for linea in lineas[inicio + 2:] if linea.startswith("|")]
    assert sum(int(n) for n in por_tramo) == resumen["frases"]
    assert json.loads(salida.strip().splitlines()[-1]) == resumen

    # Otra vez, con --frases: mide ese número de frases, las mismas para todos.
    resumen = cargar("comparar_modelos").main(opciones(paquetes, tmp_path) + ["--frases", "7"])
    assert resumen["frases"] == 7 and {c["frases"] for c in resumen["modelos"].values()} == {7}
    assert len({c["huella_frases"] for c in resumen["modelos"].values()}) == 1
    assert "(`--frases 7`)" in (tmp_path / "comparacion.md").read_text(encoding="utf-8")


def test_se_niega_con_otro_archivo(paquetes, tmp_path, capsys):
    otro = tmp_path / "fra.txt"
    otro.write_bytes(CORPUS_CURSO.read_bytes() + "One more.\tUne de plus.\n".encode("utf-8"))
    with pytest.raises(SystemExit) as salida:
        cargar("comparar_modelos").main(con(opciones(paquetes, tmp_path), "--corpus", otro))
    mensaje = str(salida.value.code)
    assert "--corpus: fra.txt no es el archivo con el que se entrenó el paquete" in mensaje and "SHA-256" in mensaje
    assert not (tmp_path / "comparacion.md").exists()


def test_sin_un_paquete_dice_cual_y_como_se_entrena_antes_de_trabajar(paquetes, tmp_path):
    orden = cargar("comparar_modelos")

    def no_deberia_leer_el_corpus(*_):
        raise AssertionError("se leyó el corpus antes de comprobar los paquetes")

    orden.sha256 = no_deberia_leer_el_corpus
    argumentos = con(opciones(paquetes, tmp_path), "--palabras-atencion", tmp_path / "palabras_atencion")
    with pytest.raises(SystemExit) as salida:
        orden.main(argumentos)
    assert str(salida.value.code) == (
        "error: falta 1 de los 4 paquetes que se comparan:\n- --palabras-atencion: RUTA/A/palabras_atencion (GRU de "
        "palabras con atención) no existe. Entrénalo con `python benchmarks/entrenar_palabras.py --corpus RUTA/A/fra.txt "
        "--atencion --sin-estado-inicial` o pasa su carpeta con --palabras-atencion.")
    # Si faltan varios, los nombra todos (un archivo en lugar de una carpeta, también).
    (tmp_path / "palabras").write_text("no es un paquete")
    with pytest.raises(SystemExit) as salida:
        orden.main(con(argumentos, "--palabras", tmp_path / "palabras"))
    mensaje = str(salida.value.code)
    assert mensaje.startswith("error: faltan 2 de los 4 paquetes")
    assert ("- --palabras: RUTA/A/palabras (GRU de palabras) es un archivo, no una carpeta. Entrénalo con "
            "`python benchmarks/entrenar_palabras.py --corpus RUTA/A/fra.txt` o pasa su carpeta con --palabras.") in mensaje
    assert not (tmp_path / "comparacion.md").exists()


def test_se_niega_con_los_paquetes_de_palabras_cambiados(paquetes, tmp_path):
    argumentos = con(opciones(paquetes, tmp_path), "--palabras", paquetes / "palabras_atencion")
    with pytest.raises(SystemExit) as salida:
        cargar("comparar_modelos").main(argumentos)
    assert str(salida.value.code) == (
        "error: --palabras: RUTA/A/palabras_atencion es un modelo de palabras con atención; esta opción espera el GRU de "
        "palabras, que se entrena con `python benchmarks/entrenar_palabras.py --corpus RUTA/A/fra.txt`.")
    with pytest.raises(SystemExit) as salida:
        cargar("comparar_modelos").main(con(opciones(paquetes, tmp_path), "--palabras-atencion", paquetes / "transformer"))
    assert ("--palabras-atencion: RUTA/A/transformer es un paquete de tipo 'transformer', no de palabras"
            in str(salida.value.code))


def test_se_niega_con_un_paquete_que_no_dice_con_que_se_entreno(paquetes, tmp_path):
    sin_registro = tmp_path / "palabras"
    shutil.copytree(paquetes / "palabras", sin_registro)
    metadatos = json.loads((sin_registro / "metadatos.json").read_text(encoding="utf-8"))
    del metadatos["extra"]["corpus_sha256"], metadatos["extra"]["particion"]
    (sin_registro / "metadatos.json").write_text(json.dumps(metadatos), encoding="utf-8")
    with pytest.raises(SystemExit) as salida:
        cargar("comparar_modelos").main(con(opciones(paquetes, tmp_path), "--palabras", sin_registro))
    assert ("--palabras: el paquete RUTA/A/palabras no guarda con qué archivo se entrenó (corpus_sha256) ni con "
            "qué partición (particion)") in str(salida.value.code)


def test_help_sin_tensorflow_y_en_espanol():
    codigo = ("import runpy, sys; sys.argv = ['comparar_modelos.py', '--help']\n"
              "try:\n    runpy.run_path('benchmarks/comparar_modelos.py', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "print('TENSORFLOW' if 'tensorflow' in sys.modules or 'keras' in sys.modules else 'LIGERO')")
    salida = subprocess.run([sys.executable, "-c", codigo], cwd=RAIZ, capture_output=True, text=True, timeout=120)
    assert salida.stdout.startswith("uso: ") and "--palabras-atencion" in salida.stdout
    assert "--minutos-atencion" not in salida.stdout and "--trabajo" not in salida.stdout
    assert salida.stdout.strip().endswith("LIGERO"), salida.stdout[-300:]

"""La orden que pone todos los modelos del curso uno al lado del otro (``benchmarks/comparar_modelos.py``).

Se ejecuta de punta a punta con el corpus de ``datos/`` y paquetes diminutos entrenados aquí (una
época, unas decenas de unidades): lo que se comprueba es el procedimiento (una fila por modelo, las
mismas frases para todos, ninguna vista al entrenar, la caché), no la calidad ni los tiempos.
"""

import importlib.util
import json
import subprocess
import sys

import pytest

from utils.configuracion import RAIZ
from utils.datos import CORPUS_CURSO, leer_pares
from utils.evaluacion import agrupar_referencias

NOMBRES = ["LSTM de caracteres", "GRU de palabras", "LSTM de caracteres con atención", "Transformer de subpalabras"]


def cargar(nombre: str):
    especificacion = importlib.util.spec_from_file_location(nombre, RAIZ / "benchmarks" / f"{nombre}.py")
    modulo = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(modulo)
    return modulo


@pytest.fixture(scope="module")
def paquetes(tmp_path_factory):
    """Un paquete de caracteres y uno del Transformer diminutos, entrenados con el corpus de datos/ por sus órdenes."""
    carpeta = tmp_path_factory.mktemp("paquetes")
    cargar("entrenar_preentrenado").main([
        "--corpus", str(CORPUS_CURSO), "--latent-dim", "16", "--epocas", "1", "--trabajo", str(carpeta / "t1"),
        "--salida", str(carpeta / "preentrenado"), "--curva", str(carpeta / "c1.png"), "--informe", str(carpeta / "i1.md")])
    cargar("entrenar_transformer").main([
        "--corpus", str(CORPUS_CURSO), "--tamano-vocabulario", "300", "--d-model", "16", "--cabezas", "2", "--d-ff", "32",
        "--capas", "1", "--epocas", "1", "--max-tokens", "24", "--trabajo", str(carpeta / "t2"),
        "--salida", str(carpeta / "transformer"), "--curva", str(carpeta / "c2.png"), "--informe", str(carpeta / "i2.md")])
    return carpeta


def opciones(paquetes, salida) -> list[str]:
    return ["--corpus", str(CORPUS_CURSO), "--preentrenado", str(paquetes / "preentrenado"),
            "--transformer", str(paquetes / "transformer"), "--pares-palabras", "300", "--epocas-palabras", "1",
            "--unidades-palabras", "8", "--pares-atencion", "300", "--epocas-atencion", "1", "--latent-dim-atencion", "8",
            "--trabajo", str(salida / "trabajo"), "--informe", str(salida / "comparacion.md"),
            "--grafico", str(salida / "comparacion.png")]


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


def test_compara_los_cuatro_modelos_con_las_mismas_frases_que_ninguno_vio(paquetes, tmp_path, capsys, monkeypatch):
    from utils import modelos, palabras

    # Lo que ven al entrenar los dos modelos que entrena la orden.
    vistas: set[str] = set()
    preparar, entrenar = palabras.preparar_palabras, modelos.entrenar_modelo

    def preparar_y_anotar(ingles, *a, **k):
        vistas.update(ingles)
        return preparar(ingles, *a, **k)

    def entrenar_y_anotar(datos, *a, **k):
        vistas.update(datos.input_texts)
        return entrenar(datos, *a, **k)

    monkeypatch.setattr(palabras, "preparar_palabras", preparar_y_anotar)
    monkeypatch.setattr(modelos, "entrenar_modelo", entrenar_y_anotar)
    resumen = cargar("comparar_modelos").main(opciones(paquetes, tmp_path))
    salida = capsys.readouterr().out

    texto = (tmp_path / "comparacion.md").read_text(encoding="utf-8")
    filas = tabla_principal(texto)
    assert [f[0] for f in filas] == NOMBRES and all(len(f) == 9 for f in filas)
    assert "receta «curso» del cuaderno 08" in filas[1][8] and "entrenado por esta orden" in filas[1][8]
    assert "receta «curso» del cuaderno 09" in filas[2][8] and "1 de 1 época" in filas[2][8]
    assert texto.startswith("# ") and "- Orden: `python benchmarks/comparar_modelos.py --corpus datos/fra-eng-curso.txt" in texto
    assert str(tmp_path) not in texto and str(RAIZ) not in texto  # ninguna ruta de esta máquina
    assert (tmp_path / "comparacion.png").stat().st_size > 0

    # Las mismas frases para los cuatro: las reservadas medidas que todos leen, y ninguna vista al entrenar.
    medidas = frases_medidas(paquetes)
    assert vistas and not vistas & set(medidas)
    cifras = resumen["modelos"]
    assert list(cifras) == NOMBRES
    assert {c["huella_frases"] for c in cifras.values()} == {resumen["huella_frases"]}
    assert {c["frases"] for c in cifras.values()} == {resumen["frases"]}
    assert resumen["frases"] + resumen["quitadas"] == len(medidas)
    saltadas_por_modelo = [sum(c["saltadas"].values()) for c in cifras.values()]
    assert max(saltadas_por_modelo) <= resumen["quitadas"] <= sum(saltadas_por_modelo)  # cada una, por algún modelo
    # La tabla por longitud reparte esas mismas frases, con los mismos tramos para todos.
    lineas = texto.splitlines()
    inicio = next(i for i, linea in enumerate(lineas) if linea.startswith("| longitud (caracteres) |"))
    por_tramo = [linea.split("|")[2] for linea in lineas[inicio + 2:] if linea.startswith("|")]
    assert sum(int(n) for n in por_tramo) == resumen["frases"]
    assert json.loads(salida.strip().splitlines()[-1]) == resumen

    # Otra vez, con --frases: no vuelve a entrenar (caché) y mide ese número de frases, las mismas para todos.
    vistas.clear()
    resumen = cargar("comparar_modelos").main(opciones(paquetes, tmp_path) + ["--frases", "7"])
    salida = capsys.readouterr().out
    assert salida.count("se reutiliza el que se entrenó antes") == 2 and not vistas
    assert resumen["frases"] == 7 and {c["frases"] for c in resumen["modelos"].values()} == {7}
    assert len({c["huella_frases"] for c in resumen["modelos"].values()}) == 1
    assert "(`--frases 7`)" in (tmp_path / "comparacion.md").read_text(encoding="utf-8")


def test_se_niega_con_otro_archivo(paquetes, tmp_path, capsys):
    otro = tmp_path / "fra.txt"
    otro.write_bytes(CORPUS_CURSO.read_bytes() + "One more.\tUne de plus.\n".encode("utf-8"))
    argumentos = opciones(paquetes, tmp_path)
    argumentos[1] = str(otro)
    with pytest.raises(SystemExit) as salida:
        cargar("comparar_modelos").main(argumentos)
    mensaje = str(salida.value.code)
    assert "--corpus: fra.txt no es el archivo con el que se entrenó el paquete" in mensaje and "SHA-256" in mensaje
    assert not (tmp_path / "comparacion.md").exists() and not (tmp_path / "trabajo").exists()


def test_se_niega_con_un_paquete_que_no_dice_con_que_se_entreno(paquetes, tmp_path):
    sin_registro = tmp_path / "transformer"
    sin_registro.mkdir()
    (sin_registro / "metadatos.json").write_text(json.dumps({"tipo": "transformer", "extra": {"epocas": 2}}))
    argumentos = opciones(paquetes, tmp_path)
    argumentos[argumentos.index("--transformer") + 1] = str(sin_registro)
    with pytest.raises(SystemExit) as salida:
        cargar("comparar_modelos").main(argumentos)
    assert ("--transformer: el paquete RUTA/A/transformer no guarda con qué archivo se entrenó (corpus_sha256) ni con "
            "qué partición (particion)") in str(salida.value.code)


def test_help_sin_tensorflow_y_en_espanol():
    codigo = ("import runpy, sys; sys.argv = ['comparar_modelos.py', '--help']\n"
              "try:\n    runpy.run_path('benchmarks/comparar_modelos.py', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "print('TENSORFLOW' if 'tensorflow' in sys.modules or 'keras' in sys.modules else 'LIGERO')")
    salida = subprocess.run([sys.executable, "-c", codigo], cwd=RAIZ, capture_output=True, text=True, timeout=120)
    assert salida.stdout.startswith("uso: ") and "--minutos-atencion" in salida.stdout
    assert salida.stdout.strip().endswith("LIGERO"), salida.stdout[-300:]

"""Las órdenes de línea del curso ante un uso descuidado: errores de uso en español, sin trazas.

Cada prueba es una fila de la tabla «Entradas incorrectas y fallos» del README (sección de las
órdenes). Las órdenes se llaman en el mismo proceso (``main([...])``) salvo ``--help``, que se
ejecuta aparte para comprobar que no importa TensorFlow.
"""

import importlib.util
import json
import subprocess
import sys

import pytest

from utils.configuracion import RAIZ

sys.path.insert(0, str(RAIZ / "benchmarks"))
import argumentos  # noqa: E402


def cargar(nombre: str):
    especificacion = importlib.util.spec_from_file_location(nombre, RAIZ / "benchmarks" / f"{nombre}.py")
    modulo = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(modulo)
    return modulo


def error_de_uso(capsys, orden, argumentos_de_la_orden) -> str:
    """Ejecuta ``orden(argumentos)``, exige que termine con un error de uso y devuelve lo que dijo."""
    with pytest.raises(SystemExit) as salida:
        orden(argumentos_de_la_orden)
    salida_err = capsys.readouterr().err + str(salida.value.code if not isinstance(salida.value.code, int) else "")
    assert salida.value.code != 0 and "Traceback" not in salida_err
    return salida_err


def test_argparse_en_espanol():
    assert argumentos.traducir_error("the following arguments are required: --corpus") == \
        "faltan estos argumentos obligatorios: --corpus"
    assert argumentos.traducir_error("argument --x: invalid <lambda> value: 'a'") == "--x: 'a' no es un valor válido"
    assert argumentos.traducir_error("unrecognized arguments: --foo").startswith("argumentos desconocidos: --foo")
    assert argumentos.traducir_error("argument --c: invalid choice: 'x' (choose from 'a', 'b')") == \
        "--c: 'x' no es una opción válida (elige entre 'a', 'b')"


ORDENES_DE_BENCHMARKS = ["benchmark", "comparar_atencion", "comparar_decodificadores", "comparar_palabras_caracteres",
                         "parada_temprana", "receta"]


@pytest.mark.parametrize("orden", ["calidad", "entrenar_preentrenado", *ORDENES_DE_BENCHMARKS])
def test_help_sin_tensorflow_y_en_espanol(orden):
    codigo = (f"import runpy, sys; sys.argv = ['{orden}.py', '--help']\n"
              f"try:\n    runpy.run_path('benchmarks/{orden}.py', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "print('TENSORFLOW' if 'tensorflow' in sys.modules or 'keras' in sys.modules else 'LIGERO')")
    salida = subprocess.run([sys.executable, "-c", codigo], cwd=RAIZ, capture_output=True, text=True, timeout=120)
    assert salida.stdout.startswith("uso: ") and "opciones:" in salida.stdout and "muestra esta ayuda" in salida.stdout
    assert salida.stdout.strip().endswith("LIGERO"), salida.stdout[-300:]


@pytest.mark.parametrize("argumentos_de_la_orden, mensaje", [
    (["--corpus", "x.txt", "--epocas", "0"], "--epocas: debe ser un entero mayor o igual que 1, no 0"),
    (["--corpus", "x.txt", "--epocas", "-3"], "--epocas: debe ser un entero mayor o igual que 1, no -3"),
    (["--corpus", "x.txt", "--latent-dim", "doce"], "--latent-dim: 'doce' no es un número entero"),
    (["--corpus", "x.txt", "--fraccion-reservada", "1.5"], "--fraccion-reservada: debe ser un número entre 0.0 y 1.0"),
    ([], "faltan estos argumentos obligatorios: --corpus"),
    (["--corpus", "no_existe.txt"], "--corpus: no existe 'no_existe.txt'"),
])
def test_entrenar_preentrenado_argumentos(capsys, argumentos_de_la_orden, mensaje):
    assert mensaje in error_de_uso(capsys, cargar("entrenar_preentrenado").main, argumentos_de_la_orden)


def test_entrenar_preentrenado_rutas_no_escribibles_antes_de_entrenar(capsys, tmp_path):
    entrenar = cargar("entrenar_preentrenado").main
    corpus = tmp_path / "fra.txt"
    corpus.write_text("Go.\tVa !\n", encoding="utf-8")
    archivo = tmp_path / "un_archivo"
    archivo.write_text("x")
    base = ["--corpus", str(corpus), "--salida", str(tmp_path / "salida"), "--curva", str(tmp_path / "c.png"),
            "--informe", str(tmp_path / "i.md"), "--trabajo", str(tmp_path / "trabajo")]
    casos = [
        (["--trabajo", str(archivo)], "--trabajo: 'un_archivo' es un archivo, no una carpeta"),
        (["--informe", str(archivo / "i.md")], "--informe: no se puede escribir 'i.md': 'un_archivo' es un archivo"),
        (["--informe", str(tmp_path)], "es una carpeta; indica un archivo"),
        (["--salida", str(archivo)], "--salida: 'un_archivo' es un archivo, no una carpeta"),
    ]
    for extra, mensaje in casos:
        assert mensaje in error_de_uso(capsys, entrenar, base + extra)


def test_entrenar_preentrenado_reanudar_comprueba_los_puntos_de_control(capsys, tmp_path):
    entrenar = cargar("entrenar_preentrenado")
    trabajo = tmp_path / "trabajo"
    trabajo.mkdir()
    ajustes = {"corpus": "fra.txt", "corpus_sha256": "abc", "latent_dim": 512, "batch_size": 64, "dropout": 0.25,
               "tasa": 0.002, "clipnorm": 1.0, "fraccion_reservada": 0.05, "fraccion_parada": 0.3, "semilla": 42}
    for nombre in ("ultimo.keras", "mejor.weights.h5"):
        (trabajo / nombre).write_bytes(b"pesos")
    (trabajo / "historia.json").write_text(json.dumps({"loss": [1.0, 0.9]}))
    entrenar.escribir_punto_de_control(trabajo, 2, ajustes)
    assert entrenar.comprobar_reanudacion(trabajo, ajustes) == 2
    # Otros ajustes: dice cuáles.
    with pytest.raises(SystemExit, match=r"otros ajustes: latent_dim \(antes 512, ahora 256\)"):
        entrenar.comprobar_reanudacion(trabajo, {**ajustes, "latent_dim": 256})
    with pytest.raises(SystemExit, match=r"corpus_sha256 \(antes 'abc', ahora 'def'\)"):
        entrenar.comprobar_reanudacion(trabajo, {**ajustes, "corpus_sha256": "def"})
    # ultimo.keras cortado (un Ctrl-C a mitad de la escritura de Keras): no coincide con su suma.
    (trabajo / "ultimo.keras").write_bytes(b"pes")
    with pytest.raises(SystemExit, match="ultimo.keras no es el que se guardó con la época 2"):
        entrenar.comprobar_reanudacion(trabajo, ajustes)
    # historia.json cortado o ausente.
    (trabajo / "historia.json").write_text('{"loss": [1.0')
    with pytest.raises(SystemExit, match="historia.json está dañado o cortado"):
        entrenar.comprobar_reanudacion(trabajo, ajustes)
    (trabajo / "historia.json").unlink()
    with pytest.raises(SystemExit, match="faltan historia.json"):
        entrenar.comprobar_reanudacion(trabajo, ajustes)


def test_entrenar_preentrenado_escribe_los_puntos_de_control_de_forma_atomica(tmp_path):
    entrenar = cargar("entrenar_preentrenado")
    destino = tmp_path / "historia.json"
    destino.write_text("viejo")

    def escribir_y_cortar(ruta):
        ruta.write_text("a medi")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        entrenar._escribir_atomico(destino, escribir_y_cortar)
    assert destino.read_text() == "viejo" and sorted(p.name for p in tmp_path.iterdir()) == ["historia.json"]


@pytest.mark.parametrize("argumentos_de_la_orden, mensaje", [
    (["--frases", "0"], "--frases: debe ser un entero mayor o igual que 1, no 0"),
    (["--frases", "muchas"], "--frases: 'muchas' no es un número entero"),
    (["--modelo", "no_existe"], "--modelo: no_existe no es una carpeta"),
    (["--corpus", "no_existe.txt"], "--corpus: no existe 'no_existe.txt'"),
    (["--informe", "README.md/tabla.md"], "--informe: no se puede escribir 'tabla.md': 'README.md' es un archivo"),
])
def test_calidad_argumentos(capsys, argumentos_de_la_orden, mensaje):
    assert mensaje in error_de_uso(capsys, cargar("calidad").main, argumentos_de_la_orden)


def test_calidad_elige_el_evaluador_por_el_tipo_del_paquete(tmp_path):
    calidad = cargar("calidad")
    assert set(calidad.EVALUADORES) == {"caracteres", "palabras", "transformer"}  # el transformer, desde 15fe6b2
    (tmp_path / "metadatos.json").write_text(json.dumps({"tipo": "palabras"}))
    assert calidad.tipo_de_paquete(tmp_path) == "palabras"
    (tmp_path / "metadatos.json").write_text("{roto")
    assert calidad.tipo_de_paquete(tmp_path) == "caracteres"


def test_regenerar_cuadernos_help_y_rutas_que_no_son_cuadernos(capsys):
    sys.path.insert(0, str(RAIZ / "tests"))
    import regenerar_cuadernos

    with pytest.raises(SystemExit) as salida:
        regenerar_cuadernos.cuadernos_de(["--help"])
    assert salida.value.code == 0 and capsys.readouterr().out.startswith("uso: ")
    assert "'README.md' no es un cuaderno (.ipynb)" in error_de_uso(capsys, regenerar_cuadernos.cuadernos_de,
                                                                    [str(RAIZ / "README.md")])
    assert "no existe el cuaderno 'no_existe.ipynb'" in error_de_uso(capsys, regenerar_cuadernos.cuadernos_de,
                                                                     ["no_existe.ipynb"])


def test_sitio_destino_que_no_es_una_carpeta(capsys, tmp_path):
    from sitio import construir

    archivo = tmp_path / "notas.txt"
    archivo.write_text("hola")
    assert "--destino: 'notas.txt' ya existe y no es una carpeta" in error_de_uso(capsys, construir.main,
                                                                                ["--destino", str(archivo)])
    assert archivo.read_text() == "hola"
    assert "--estricto no admite valor" in error_de_uso(capsys, construir.main, ["--estricto=si"])


# Cada orden de benchmarks/, con la función que analiza y comprueba sus argumentos y la opción de su informe.
SALIDAS_DE_LAS_ORDENES = [
    ("benchmark", "analizar_argumentos", "--salida"),
    ("comparar_atencion", "main", "--informe"),
    ("comparar_decodificadores", "main", "--informe"),
    ("comparar_palabras_caracteres", "main", "--informe"),
    ("parada_temprana", "main", "--salida"),
    ("parada_temprana", "main", "--grafico"),
    ("receta", "main", "--salida"),
    ("receta", "main", "--curvas"),
]


@pytest.mark.parametrize("orden, funcion, opcion", SALIDAS_DE_LAS_ORDENES,
                         ids=[f"{o}{opcion}" for o, _, opcion in SALIDAS_DE_LAS_ORDENES])
def test_benchmarks_rechazan_un_informe_que_no_se_puede_escribir_antes_de_trabajar(capsys, tmp_path, monkeypatch,
                                                                                  orden, funcion, opcion):
    modulo = cargar(orden)
    # Si la comprobación no llegara antes del trabajo, leer el corpus lo delataría.
    for nombre in ("leer_pares", "preparar_medida", "entrenar_y_medir", "muestra_de_pares", "obtener_configuracion"):
        if hasattr(modulo, nombre) and not (orden == "comparar_atencion" and nombre == "obtener_configuracion"):
            monkeypatch.setattr(modulo, nombre, lambda *a, **k: pytest.fail("empezó a trabajar antes de comprobar"))
    archivo = tmp_path / "notas.txt"
    archivo.write_text("hola")
    casos = [
        (str(tmp_path), f"{tmp_path.name!r} es una carpeta; indica un archivo"),
        (str(archivo / "informe.md"), "no se puede escribir 'informe.md': 'notas.txt' es un archivo, no una carpeta"),
        ("/dev/null", "'null' no es un archivo normal"),
    ]
    for ruta, mensaje in casos:
        assert f"{opcion}: {mensaje}" in error_de_uso(capsys, getattr(modulo, funcion), [opcion, ruta])
    assert archivo.read_text() == "hola" and sorted(p.name for p in tmp_path.iterdir()) == ["notas.txt"]


@pytest.mark.parametrize("orden, funcion", [("benchmark", "analizar_argumentos"), ("comparar_atencion", "main"),
                                            ("comparar_palabras_caracteres", "main"), ("parada_temprana", "main"),
                                            ("receta", "main"), ("comparar_decodificadores", "main")])
def test_benchmarks_rechazan_un_corpus_que_no_es_un_archivo(capsys, tmp_path, orden, funcion):
    funcion = getattr(cargar(orden), funcion)
    assert "--corpus: no existe 'no_esta.txt'" in error_de_uso(capsys, funcion, ["--corpus", str(tmp_path / "no_esta.txt")])
    assert "--corpus: 'null' no es un archivo normal" in error_de_uso(capsys, funcion, ["--corpus", "/dev/null"])
    assert f"--corpus: '{tmp_path.name}' es una carpeta" in error_de_uso(capsys, funcion, ["--corpus", str(tmp_path)])


def test_benchmark_fases_y_medidas_guardadas(capsys, monkeypatch, tmp_path):
    benchmark = cargar("benchmark")
    assert "--fases: fases desconocidas: 'rapido'" in error_de_uso(capsys, benchmark.analizar_argumentos,
                                                                    ["--fases", "escala,rapido"])
    monkeypatch.setattr(benchmark, "DIR_TEMPORAL", tmp_path / "sin_medidas")
    for argumentos_de_la_orden, opcion in ((["--solo-informe"], "--solo-informe"), (["--fases", "escala"], "--fases")):
        assert f"{opcion}: no hay medidas guardadas" in error_de_uso(
            capsys, benchmark.analizar_argumentos, argumentos_de_la_orden + ["--salida", str(tmp_path / "r.md")])


def test_comparar_decodificadores_conoce_los_origenes_sin_importar_keras():
    from utils import modelos

    assert cargar("comparar_decodificadores").ORIGENES == modelos.ORIGENES


def test_receta_rechaza_un_paquete_que_no_se_puede_guardar_antes_de_entrenar(capsys, tmp_path, monkeypatch):
    receta = cargar("receta")
    monkeypatch.setattr(receta, "preparar_medida", lambda *a, **k: pytest.fail("empezó a trabajar antes de comprobar"))
    archivo = tmp_path / "notas.txt"
    archivo.write_text("hola")
    ajena = tmp_path / "fotos"
    ajena.mkdir()
    (ajena / "playa.jpg").write_text("x")
    salida = ["--salida", str(tmp_path / "r.md"), "--curvas", str(tmp_path / "r.png")]
    assert "--paquete: 'notas.txt' es un archivo, no una carpeta" in error_de_uso(
        capsys, receta.main, salida + ["--paquete", str(archivo)])
    assert "--paquete: no se guarda el modelo en 'fotos': la carpeta ya existe y no es un paquete del curso" in error_de_uso(
        capsys, receta.main, salida + ["--paquete", str(ajena)])
    assert archivo.read_text() == "hola" and sorted(p.name for p in ajena.iterdir()) == ["playa.jpg"]

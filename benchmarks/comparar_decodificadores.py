"""Compara los decodificadores del cuaderno 07 con frases que el modelo no vio y escribe una tabla Markdown.

Uso, desde la raíz del repositorio:

    python benchmarks/comparar_decodificadores.py                       # el modelo preentrenado (unos minutos)
    python benchmarks/comparar_decodificadores.py --origen propio --config curso --corpus RUTA/fra.txt

Carga el modelo como los cuadernos 05–07, con ``utils.modelos.cargar_modelo_del_curso``: el
preentrenado (``--origen preentrenado``, por defecto), medido con el corpus del curso de ``datos/``
menos las frases que vio al entrenar, o el del cuaderno 04 (``--origen propio``, que lo entrena si
falta), medido con su partición de validación. Evalúa voraz, muestreo (τ = 0,7, top-k 5) y búsqueda
en haz con k = 1, 3 y 5 sobre ``--frases`` frases inglesas repartidas por todas las longitudes, con
todas sus referencias (``utils.evaluacion.evaluar_multirreferencia``). Imprime la tabla y la escribe,
con la orden, la fecha, la máquina y las versiones, en ``benchmarks/resultados/decodificadores_<origen>.md``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
if str(RAIZ) not in sys.path:
    sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: argumentos.py
from argumentos import (  # noqa: E402  (ayuda y errores de uso en español)
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_escribible, entero,
)
from utils.configuracion import CONFIGURACIONES, VARIABLE_CONFIG  # noqa: E402  (sin TensorFlow)

ORIGENES = ("preentrenado", "propio")  # los de utils.modelos.ORIGENES (que importa Keras)

TEMPERATURA, TOP_K = 0.7, 5
ANCHOS_HAZ = (1, 3, 5)
N_EJEMPLOS = 8


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` y los errores de uso son inmediatos)."""
    parser = Analizador(description="Compara los decodificadores del cuaderno 07 (tabla Markdown).")
    parser.add_argument("--origen", choices=ORIGENES, default="preentrenado", help="el modelo preentrenado o el del cuaderno 04")
    parser.add_argument("--config", choices=sorted(CONFIGURACIONES), default=os.environ.get(VARIABLE_CONFIG, "curso").strip().lower() or "curso",
                        help="configuración del curso (por defecto, la de SEQ2SEQ_CONFIG o «curso»)")
    parser.add_argument("--corpus", help="archivo de Tatoeba que usar (como SEQ2SEQ_CORPUS)")
    parser.add_argument("--frases", type=entero(1), default=500, help="frases de validación que se evalúan como mucho (500)")
    parser.add_argument("--informe", type=Path, default=None,
                        help="dónde escribir la tabla (por defecto, benchmarks/resultados/decodificadores_ORIGEN.md)")
    return parser


analizar_pronto(__name__, analizador)


def destino_del_informe(opciones: argparse.Namespace) -> Path:
    """El archivo del informe: ``--informe`` o el de siempre para el origen elegido."""
    return opciones.informe or RAIZ / "benchmarks" / "resultados" / f"decodificadores_{opciones.origen}.md"


def leer_argumentos(argumentos: list[str] | None = None) -> argparse.Namespace:
    """Opciones de la línea de órdenes (ver el docstring del módulo), con lo que se lee y se escribe comprobado."""
    opciones = analizador().parse_args(argumentos)
    if opciones.corpus:
        comprobar_archivo_de_entrada(Path(opciones.corpus), "--corpus")
    comprobar_escribible(destino_del_informe(opciones), "--informe")
    return opciones


def decodificadores(encoder_model, decoder_model, vocab, semilla: int) -> dict:
    """Nombre → función que traduce un lote de entradas del codificador (lista de textos)."""
    import numpy as np

    from utils import decodificacion

    def haz(k: int):
        return lambda x: [h[0].texto for h in decodificacion.busqueda_en_haz(x, encoder_model, decoder_model, vocab, k=k)]

    return {
        "voraz": lambda x: decodificacion.decodificar_lote(x, encoder_model, decoder_model, vocab),
        f"muestreo (τ = {TEMPERATURA}, top-k {TOP_K})": lambda x: decodificacion.muestrear_lote(
            x, encoder_model, decoder_model, vocab, TEMPERATURA, TOP_K, np.random.default_rng(semilla)),
        **{f"haz k = {k}": haz(k) for k in ANCHOS_HAZ},
    }


def medir(funcion, entrada) -> tuple[list[str], float]:
    """(traducciones, segundos) de una llamada, tras otra de calentamiento con la misma entrada."""
    funcion(entrada)
    inicio = time.perf_counter()
    salidas = funcion(entrada)
    return salidas, time.perf_counter() - inicio


def versiones() -> str:
    """Versiones de Python y de las bibliotecas que cuentan para los resultados."""
    import keras
    import numpy
    import sacrebleu
    import tensorflow

    return (f"Python {platform.python_version()}, TensorFlow {tensorflow.__version__}, Keras {keras.__version__} "
            f"(backend {keras.backend.backend()}), NumPy {numpy.__version__}, sacrebleu {sacrebleu.__version__}")


def maquina() -> str:
    """CPU, núcleos, sistema y GPU visibles."""
    import tensorflow

    gpus = tensorflow.config.list_physical_devices("GPU")
    procesador = platform.processor() or platform.machine()
    return f"{os.cpu_count()} CPU ({procesador}), {platform.platform()}; GPU: {len(gpus) or 'ninguna'}"


def orden_ejecutada(opciones: argparse.Namespace) -> str:
    """La orden tal como se ejecutó, con la ruta del corpus reducida a su nombre."""
    partes = ["python", "benchmarks/comparar_decodificadores.py", "--origen", opciones.origen, "--config", opciones.config,
              "--frases", str(opciones.frases)]
    orden = " ".join(shlex.quote(p) for p in partes)
    if opciones.corpus:
        orden += f" --corpus .../{Path(opciones.corpus).name}"
    return ("SEQ2SEQ_CONFIG=prueba " if opciones.config == "prueba" else "") + orden


def tabla_markdown(resultados: dict, segundos: dict, n: int, pasos: int) -> str:
    """La tabla de resultados en Markdown."""
    lineas = [
        "| decodificador | coincidencia exacta (%) | chrF | BLEU | terminan (%) | ms por frase |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for nombre, (medidas, salidas) in resultados.items():
        terminan = 100 * sum(len(s) < pasos for s in salidas) / n
        lineas.append(
            f"| {nombre} | {medidas['coincidencia_exacta']:.1f} | {medidas['chrf']:.2f} | {medidas['bleu']:.2f} | "
            f"{terminan:.1f} | {1000 * segundos[nombre] / n:.2f} |"
        )
    return "\n".join(lineas)


def ejemplos_markdown(entradas, referencias, resultados: dict) -> str:
    """Unas frases, repartidas por longitud, con la salida voraz y la del haz más ancho."""
    haz = f"haz k = {ANCHOS_HAZ[-1]}"
    lineas = [f"| entrada | referencias | voraz | {haz} |", "|---|---|---|---|"]
    for j in range(0, len(entradas), max(1, len(entradas) // N_EJEMPLOS))[:N_EJEMPLOS]:
        celdas = [entradas[j], " / ".join(referencias[j]), resultados["voraz"][1][j], resultados[haz][1][j]]
        lineas.append("| " + " | ".join(c.replace("|", "\\|").replace("\u202f", " ") for c in celdas) + " |")
    return "\n".join(lineas)


def main(argumentos: list[str] | None = None) -> Path:
    opciones = leer_argumentos(argumentos)
    if opciones.corpus:
        os.environ["SEQ2SEQ_CORPUS"] = str(Path(opciones.corpus).resolve())
    import numpy as np
    import sacrebleu

    from utils import evaluacion
    from utils.configuracion import describir_configuracion, fijar_semillas, obtener_configuracion
    from utils.datos import frase_a_encoder_input
    from utils.decodificacion import pasos_maximos
    from utils.modelos import cargar_modelo_del_curso, construir_modelos_inferencia

    config = obtener_configuracion(opciones.config)
    fijar_semillas(config.semilla)
    print(describir_configuracion(config))
    inicio_total = time.perf_counter()
    curso = cargar_modelo_del_curso(opciones.origen, config)
    encoder_model, decoder_model = construir_modelos_inferencia(curso.modelo)
    vocab, datos = curso.vocab, curso.evaluacion
    grupos = evaluacion.agrupar_referencias(datos.input_texts, [t[1:-1] for t in datos.target_texts])
    todas = list(grupos)
    entradas = [todas[int(i)] for i in np.unique(np.linspace(0, len(todas) - 1, min(opciones.frases, len(todas))).astype(int))]
    referencias = [grupos[f] for f in entradas]
    entrada = np.concatenate([frase_a_encoder_input(f, vocab) for f in entradas])

    resultados, segundos = {}, {}
    for nombre, funcion in decodificadores(encoder_model, decoder_model, vocab, config.semilla).items():
        salidas, segundos[nombre] = medir(funcion, entrada)
        resultados[nombre] = (evaluacion.evaluar_multirreferencia(salidas, referencias), salidas)
        print(f"  {nombre}: {1000 * segundos[nombre] / len(entradas):.2f} ms por frase")
    assert resultados["haz k = 1"][1] == resultados["voraz"][1], "la búsqueda en haz con k = 1 debe ser la voraz"

    tabla = tabla_markdown(resultados, segundos, len(entradas), pasos_maximos(vocab))
    firmas = []
    for metrica in (sacrebleu.metrics.CHRF(), sacrebleu.metrics.BLEU()):
        metrica.corpus_score(resultados["voraz"][1], evaluacion._flujos(referencias))
        firmas.append(f"`{metrica.get_signature()}`")
    texto = "\n".join([
        f"# Decodificadores del cuaderno 07 · modelo {curso.origen}",
        "",
        f"- Orden: `{orden_ejecutada(opciones)}`",
        f"- Fecha: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Máquina: {maquina()}",
        f"- Versiones: {versiones()}",
        f"- Modelo: {curso.descripcion}; vocabulario de salida de {vocab.num_decoder_tokens} caracteres; "
        f"pasos_maximos = {pasos_maximos(vocab)}",
        f"- Evaluación: {len(entradas)} frases inglesas que el modelo no vio, repartidas por todas las longitudes, con "
        f"{sum(len(r) for r in referencias)} referencias en total (pares saltados: {curso.saltados or 'ninguno'}). "
        f"Muestreo con `np.random.default_rng({config.semilla})`; haz con α = 0,7.",
        f"- Firmas de sacrebleu: chrF {firmas[0]}; BLEU {firmas[1]}",
        "- Tiempos: una llamada con todas las frases en un lote, tras otra de calentamiento; varían de una ejecución a otra.",
        "",
        tabla,
        "",
        "«terminan»: traducciones que eligen el fin `\\n` antes de agotar los pasos.",
        "",
        "## Ejemplos",
        "",
        ejemplos_markdown(entradas, referencias, resultados),
        "",
        f"Tiempo total (carga o entrenamiento incluidos): {time.perf_counter() - inicio_total:.0f} s.",
        "",
    ])
    destino = destino_del_informe(opciones)
    destino.parent.mkdir(parents=True, exist_ok=True)
    destino.write_text(texto, encoding="utf-8")
    legible = destino.resolve().relative_to(RAIZ) if destino.resolve().is_relative_to(RAIZ) else destino.name
    print("\n" + tabla + f"\n\nEscrito en {legible}")
    return destino


if __name__ == "__main__":
    main()

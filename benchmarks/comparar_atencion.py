"""Con y sin atención, a la escala del curso: calidad por longitud de la frase, tiempo por época y de decodificación.

Es la medida que justifica el cuaderno 09 (``09_atencion``). Entrena dos modelos con la receta que
aprende (``utils.modelos.entrenar_modelo``) sobre **los mismos pares** (una muestra al azar del
archivo que conserva las frases largas), **la misma partición por frase inglesa**, las mismas épocas
como máximo y la misma parada temprana:

1. el modelo con atención de ``utils.atencion.construir_modelo_atencion`` con ``--latent-dim`` unidades;
2. el modelo sin atención de ``utils.modelos.construir_modelo_ligero`` con las unidades que le dan
   (casi) los mismos parámetros (``utils.atencion.latent_dim_equivalente``).

Después traduce con la decodificación voraz por lotes todas las frases inglesas reservadas (con
todas sus referencias) y escribe ``benchmarks/resultados/atencion_por_longitud.md`` (chrF y salidas
exactas por tramo de longitud, tiempo por época y de decodificación), la curva de calidad en
``imagenes/atencion_calidad_por_longitud.png`` y mapas de atención en ``imagenes/atencion_mapas.png``.
Termina con una línea JSON con las cifras.

Uso, desde la raíz del repositorio::

    python benchmarks/comparar_atencion.py                                   # corpus del curso (unos minutos)
    python benchmarks/comparar_atencion.py --corpus RUTA/A/fra.txt            # Tatoeba, 20 000 pares (horas en CPU)

``--help`` lista las opciones (pares, unidades, épocas, paciencia, tasa…).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import platform
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
if str(RAIZ) not in sys.path:
    sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: argumentos.py
from argumentos import (  # noqa: E402  (ayuda y errores de uso en español)
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_carpeta_escribible, comprobar_escribible, entero,
    numero,
)
from utils.configuracion import DIR_IMAGENES, obtener_configuracion  # noqa: E402  (sin TensorFlow)
from utils.datos import CORPUS_CURSO  # noqa: E402

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
INFORME = RAIZ / "benchmarks" / "resultados" / "atencion_por_longitud.md"
GRAFICO = DIR_IMAGENES / "atencion_calidad_por_longitud.png"
MAPAS = DIR_IMAGENES / "atencion_mapas.png"


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` y los errores de uso son inmediatos)."""
    curso = obtener_configuracion("curso")
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_CURSO, help="archivo de Tatoeba de 2 o 3 columnas")
    parser.add_argument("--pares", type=entero(0), default=20_000, help="pares elegidos al azar del archivo")
    parser.add_argument("--latent-dim", type=entero(1), default=256, help="unidades del modelo con atención (las de la medida publicada)")
    parser.add_argument("--epocas", type=entero(1), default=20, help="épocas como máximo, para los dos")
    parser.add_argument("--paciencia", type=entero(1), default=curso.paciencia)
    parser.add_argument("--tasa", type=numero(0.0, abierto=True), default=curso.tasa_aprendizaje, help="tasa de aprendizaje de Adam")
    parser.add_argument("--lote", type=entero(1), default=curso.batch_size)
    parser.add_argument("--semilla", type=entero(0), default=curso.semilla)
    parser.add_argument("--guardar", type=Path, default=None,
                        help="carpeta donde guardar los dos paquetes (p. ej. modelos/atencion), ignorada por git")
    parser.add_argument("--informe", type=Path, default=INFORME)
    return parser


analizar_pronto(__name__, analizador)

import keras  # noqa: E402
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from utils import atencion, modelos, paquetes  # noqa: E402
from utils.evaluacion import evaluar_multirreferencia  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from calidad import ruta_legible, sha256  # noqa: E402

CON, SIN = "con atención", "sin atención"


def entrenar(datos, config, construir, nombre: str) -> dict:
    """Entrena un modelo con la receta que aprende; devuelve el modelo, la historia y los segundos de cada época."""
    print(f"\n== {nombre}: latent_dim={config.latent_dim} ==", flush=True)
    resumen = modelos.ResumenDeEpocas()
    inicio = time.perf_counter()
    modelo, historia = modelos.entrenar_modelo(datos, config, verbose=False, callbacks=[resumen], construir=construir)
    return {"modelo": modelo, "historia": historia, "segundos": resumen.segundos,
            "total_s": time.perf_counter() - inicio, "carga": os.getloadavg()[0]}


def decodificar(modelo, frases_ids, vocab) -> tuple[list[str], float]:
    """Traducciones voraces de todas las frases reservadas y los segundos que costaron (tras un calentamiento)."""
    atencion.traducir_lote(modelo, frases_ids[:4], vocab)
    inicio = time.perf_counter()
    salidas = atencion.traducir_lote(modelo, frases_ids, vocab)
    return salidas, time.perf_counter() - inicio


def informe(args, orden, datos, config, resultados, tablas, generales, ejemplos, frases, referencias, salidas) -> str:
    """El informe en Markdown."""
    vocab = datos.vocab
    largos = [len(f) for f in datos.input_texts]
    lineas = [
        "# Con y sin atención: calidad según la longitud de la frase",
        "",
        f"- Orden: `{orden}`",
        f"- Fecha: {datetime.date.today().isoformat()}; {platform.machine()}, {os.cpu_count()} núcleos, "
        f"Keras {keras.__version__} ({keras.backend.backend()}).",
        f"- Datos: {ruta_legible(args.corpus)} (SHA-256 {sha256(args.corpus)[:12]}…): {len(datos.input_texts)} pares "
        f"elegidos al azar (semilla {config.semilla}) entre todos los del archivo con frases inglesas de 45 caracteres como mucho; frases inglesas de {min(largos)} a "
        f"{max(largos)} caracteres (media {np.mean(largos):.1f}). Partición por frase inglesa: "
        f"{100 * config.fraccion_validacion:.0f} % reservado; se evalúan sus {len(frases)} frases inglesas "
        f"distintas con todas sus referencias.",
        f"- Receta: Adam {config.tasa_aprendizaje} con clipnorm {config.clipnorm}, lotes de {config.batch_size} "
        f"agrupados por longitud, hasta {config.epocas} épocas con parada temprana (paciencia {config.paciencia}, "
        f"pesos de la mejor época), igual para los dos modelos. Decodificación voraz por lotes de 512.",
        "",
        "| | parámetros | latent_dim | épocas (mejor) | pérdida de validación | s por época | decodificar (ms por frase) | chrF | exactas (%) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for nombre, r in resultados.items():
        perdidas = r["historia"]["val_loss"]
        por_epoca = np.median(r["segundos"][1:] if len(r["segundos"]) > 1 else r["segundos"])
        lineas.append(
            f"| {nombre} | {r['modelo'].count_params():_} | {r['latent_dim']} | {len(perdidas)} ({int(np.argmin(perdidas)) + 1}) | "
            f"{min(perdidas):.3f} | {por_epoca:.0f} | {1000 * r['decodificar_s'] / len(frases):.2f} | "
            f"{generales[nombre]['chrf']:.1f} | {generales[nombre]['coincidencia_exacta']:.1f} |".replace("_", " "))
    lineas += [
        "",
        "«s por época»: mediana sin la primera época (que traza el grafo). Carga media del sistema (1 min) al "
        "terminar cada entrenamiento: " + ", ".join(f"{n} {r['carga']:.1f}" for n, r in resultados.items()) +
        f" en {os.cpu_count()} núcleos; los tiempos son comparables entre sí, no absolutos.",
        "",
        "## Calidad por longitud de la frase inglesa (frases reservadas)",
        "",
        atencion.tabla_por_longitud(tablas),
        "",
        f"![Calidad según la longitud](../../imagenes/{GRAFICO.name})",
        "",
        "## Mapas de atención del modelo con atención",
        "",
        f"![Mapas de atención](../../imagenes/{MAPAS.name})",
        "",
        "| | inglés | salida con atención | referencias |",
        "|---|---|---|---|",
    ]
    lineas += [f"| {e['descripcion']} | {e['ingles']} | {e['salida']} | {' / '.join(e['referencias'])} |" for e in ejemplos]
    lineas += ["", "## Las frases más largas reservadas", "", f"| inglés | {SIN} | {CON} | referencias |", "|---|---|---|---|"]
    orden_largo = np.argsort([-len(f) for f in frases], kind="stable")[:10]
    for i in orden_largo:
        lineas.append(f"| {frases[i]} | {salidas[SIN][i]} | {salidas[CON][i]} | {' / '.join(referencias[i])} |")
    return "\n".join(lineas) + "\n"


def main(argumentos: list[str] | None = None) -> dict:
    curso = obtener_configuracion("curso")
    args = analizador().parse_args(argumentos)
    comprobar_archivo_de_entrada(args.corpus, "--corpus")
    comprobar_escribible(args.informe, "--informe")
    for figura in (GRAFICO, MAPAS):
        comprobar_escribible(figura, "imagenes/")
    if args.guardar:
        comprobar_carpeta_escribible(args.guardar, "--guardar")
        for sub in ("con_atencion", "sin_atencion"):
            try:
                paquetes.comprobar_destino_de_paquete(args.guardar / sub)
            except (ValueError, OSError) as error:
                raise SystemExit(f"error: --guardar: {error}") from None
    orden = (f"python benchmarks/comparar_atencion.py --corpus {ruta_legible(args.corpus)} --pares {args.pares} "
             f"--latent-dim {args.latent_dim} --epocas {args.epocas} --paciencia {args.paciencia} --tasa {args.tasa} "
             f"--lote {args.lote}")
    config = dataclasses.replace(curso, nombre="atencion", num_pares=args.pares, latent_dim=args.latent_dim,
                                 batch_size=args.lote, epocas=args.epocas, paciencia=args.paciencia,
                                 tasa_aprendizaje=args.tasa, semilla=args.semilla, parada="perdida")
    datos = atencion.muestra_de_pares(args.corpus, args.pares, args.semilla)
    vocab = datos.vocab
    equivalente = atencion.latent_dim_equivalente(vocab.num_encoder_tokens, vocab.num_decoder_tokens, args.latent_dim)
    resultados = {
        CON: entrenar(datos, config, atencion.construir_modelo_atencion, CON) | {"latent_dim": args.latent_dim},
        SIN: entrenar(datos, dataclasses.replace(config, latent_dim=equivalente), modelos.construir_modelo_ligero, SIN)
        | {"latent_dim": equivalente},
    }
    frases, referencias, frases_ids = atencion.frases_reservadas(datos, config)
    salidas, tablas, generales = {}, {}, {}
    for nombre, r in resultados.items():
        salidas[nombre], r["decodificar_s"] = decodificar(r["modelo"], frases_ids, vocab)
        tablas[nombre] = atencion.calidad_por_longitud(frases, salidas[nombre], referencias)
        generales[nombre] = evaluar_multirreferencia(salidas[nombre], referencias)
        if args.guardar:
            carpeta = args.guardar / ("con_atencion" if nombre == CON else "sin_atencion")
            paquetes.guardar_modelo(r["modelo"], vocab, dataclasses.replace(config, latent_dim=r["latent_dim"]), carpeta,
                                   extra={"orden": orden, "pares": args.pares})
    fig = atencion.graficar_calidad_por_longitud(tablas, f"Frases reservadas de {ruta_legible(args.corpus)} ({len(frases)})")
    fig.savefig(GRAFICO, dpi=90)
    plt.close(fig)
    fig, ejemplos = atencion.graficar_ejemplos_de_atencion(resultados[CON]["modelo"], frases, frases_ids, referencias,
                                                           salidas[CON], vocab)
    fig.savefig(MAPAS, dpi=90)
    plt.close(fig)
    texto = informe(args, orden, datos, config, resultados, tablas, generales, ejemplos, frases, referencias, salidas)
    args.informe.parent.mkdir(parents=True, exist_ok=True)
    args.informe.write_text(texto, encoding="utf-8")
    print(texto)
    cifras = {nombre: {"parametros": r["modelo"].count_params(), "latent_dim": r["latent_dim"],
                       "epocas": len(r["historia"]["val_loss"]), "val_loss": round(min(r["historia"]["val_loss"]), 4),
                       "s_por_epoca": round(float(np.median(r["segundos"][1:] or r["segundos"])), 1),
                       "ms_por_frase": round(1000 * r["decodificar_s"] / len(frases), 2),
                       "chrf": round(generales[nombre]["chrf"], 2), "exactas": round(generales[nombre]["coincidencia_exacta"], 2),
                       "por_longitud": tablas[nombre]} for nombre, r in resultados.items()}
    print(json.dumps(cifras, ensure_ascii=False))
    return cifras


if __name__ == "__main__":
    main()

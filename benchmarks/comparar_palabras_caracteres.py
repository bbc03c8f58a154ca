"""El modelo de palabras del cuaderno 08 frente al de caracteres, con los mismos datos y las mismas frases.

Uso, desde la raíz del repositorio (con los tamaños del curso, del orden de una o dos horas en una
CPU de 2 núcleos; mucho menos en una GPU)::

    python benchmarks/comparar_palabras_caracteres.py --corpus RUTA/A/fra.txt --pares 10000
    python benchmarks/comparar_palabras_caracteres.py --pares 1000 --epocas 2   # rápida, con el corpus de datos/

1. lee los ``--pares`` primeros pares y los parte por frase inglesa (``modelos.indices_de_validacion``,
   fracción y semilla de la configuración «curso»), igual para los dos modelos;
2. entrena el de caracteres con la receta que aprende (``modelos.entrenar_modelo``, configuración
   «curso») y el de palabras con la del cuaderno 08 (*embeddings*, GRU de 3 capas de 256 unidades,
   6 000 palabras por idioma, Adam 1e-3, lotes de 32), con parada temprana y los pesos de la mejor
   época; guarda los dos como paquetes del curso en ``benchmarks/resultados/tmp/palabras_frente_a_caracteres/``;
3. traduce con la decodificación voraz por lotes las frases inglesas de validación que los dos pueden
   leer (con ``benchmarks/calidad.py``) y mide chrF, BLEU y coincidencias exactas multirreferencia,
   salidas que terminan, parámetros, segundos por época y milisegundos por frase, en total y en tres
   grupos: frases con palabras que el modelo de palabras no conoce, frases largas y ortografía
   (palabras de la salida que no están en el francés de entrenamiento);
4. desde los pesos del modelo de palabras, ``--epocas-sin-forzado`` épocas más con el forzado del
   profesor y con un 25 % de predicciones propias (cuaderno 08, sección 14), evaluadas igual;
5. escribe ``benchmarks/resultados/palabras_frente_a_caracteres.md`` con la orden, la máquina y las
   tablas (sin frases del corpus: los ejemplos en los que difieren solo salen en la terminal), y termina
   con una línea JSON con las cifras.
"""

from __future__ import annotations

import argparse
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
from utils.datos import CORPUS_CURSO  # noqa: E402  (sin TensorFlow)

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
DIR_TRABAJO = RAIZ / "benchmarks" / "resultados" / "tmp" / "palabras_frente_a_caracteres"
INFORME = RAIZ / "benchmarks" / "resultados" / "palabras_frente_a_caracteres.md"


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` y los errores de uso son inmediatos)."""
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_CURSO, help="archivo de Tatoeba de 2 o 3 columnas")
    parser.add_argument("--pares", type=entero(0), default=10_000, help="los primeros N pares del archivo")
    parser.add_argument("--epocas", type=entero(1), default=50, help="máximo de épocas de cada modelo (con parada temprana)")
    parser.add_argument("--paciencia", type=entero(1), default=5, help="paciencia de la parada del modelo de palabras (el de caracteres usa la del curso)")
    parser.add_argument("--vocabulario", type=entero(1), default=6_000, help="palabras más frecuentes por idioma")
    parser.add_argument("--max-tokens", type=entero(1), default=20)
    parser.add_argument("--embedding-dim", type=entero(1), default=256)
    parser.add_argument("--unidades", type=entero(1), default=256, help="de cada GRU del modelo de palabras")
    parser.add_argument("--capas", type=entero(1), default=3)
    parser.add_argument("--batch-palabras", type=entero(1), default=32)
    parser.add_argument("--tasa-palabras", type=numero(0.0, abierto=True), default=1e-3)
    parser.add_argument("--epocas-sin-forzado", type=entero(0), default=3, help="0: no hace el experimento de la sección 14")
    parser.add_argument("--informe", type=Path, default=INFORME)
    return parser


def leer_argumentos(argumentos: list[str] | None = None) -> argparse.Namespace:
    """Opciones de la línea de órdenes (ver el docstring del módulo), con lo que se lee y se escribe comprobado."""
    args = analizador().parse_args(argumentos)
    comprobar_archivo_de_entrada(args.corpus, "--corpus")
    comprobar_escribible(args.informe, "--informe")
    comprobar_carpeta_escribible(DIR_TRABAJO, "benchmarks/resultados/tmp")
    return args


analizar_pronto(__name__, analizador)

import keras  # noqa: E402
import numpy as np  # noqa: E402

from utils import modelos, palabras, paquetes  # noqa: E402
from utils.configuracion import CONFIGURACIONES, fijar_semillas  # noqa: E402
from utils.datos import (  # noqa: E402
    DatosIds, agregar_tokens, crear_vocabulario, leer_pares, motivo_intraducible, vectorizar_ids,
)
from utils.evaluacion import agrupar_referencias, evaluar_multirreferencia  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calidad  # noqa: E402

PROBABILIDAD_PROPIA = 0.25
N_EJEMPLOS = 10


def miles(n: int) -> str:
    """Entero con espacios como separador de miles."""
    return f"{n:,}".replace(",", " ")


def orden_legible(argumentos: list[str]) -> str:
    """La orden con la que se ejecutó, con el corpus como ruta relativa (nunca la ruta de esta máquina)."""
    partes = list(argumentos)
    for i, parte in enumerate(partes):
        if parte == "--corpus" and i + 1 < len(partes):
            partes[i + 1] = calidad.ruta_legible(Path(partes[i + 1]))
        elif parte.startswith("--corpus="):
            partes[i] = "--corpus " + calidad.ruta_legible(Path(parte.split("=", 1)[1]))
    return " ".join(["python benchmarks/comparar_palabras_caracteres.py", *partes])


def entrenar_caracteres(ingles: list[str], frances: list[str], config, carpeta: Path) -> dict:
    """Modelo de caracteres con la receta que aprende; guarda el paquete y devuelve sus tiempos."""
    target_texts = [agregar_tokens(f) for f in frances]
    vocab = crear_vocabulario(ingles, target_texts)
    datos = DatosIds(ingles, target_texts, vocab, *vectorizar_ids(ingles, target_texts, vocab))
    reloj = modelos.ResumenDeEpocas(cada=10**9)
    print(f"Modelo de caracteres: latent_dim={config.latent_dim}, lotes de {config.batch_size}, tasa {config.tasa_aprendizaje}", flush=True)
    modelo, historial = modelos.entrenar_modelo(datos, config, callbacks=[reloj])
    paquetes.guardar_modelo(modelo, vocab, config, carpeta)
    return {"epocas": len(historial["loss"]), "mejor_val_loss": float(min(historial["val_loss"])), "segundos": reloj.segundos,
            "mejor_epoca": modelos.mejor_epoca(historial)}


def entrenar_palabras(datos: palabras.DatosPalabras, args, carpeta: Path, extra: dict) -> tuple[keras.Model, dict]:
    """Modelo de palabras del cuaderno 08; guarda el paquete y devuelve (modelo, tiempos)."""
    fijar_semillas(42)
    vocab = datos.vocab
    modelo = palabras.construir_modelo_palabras(vocab.num_encoder_tokens, vocab.num_decoder_tokens, args.embedding_dim,
                                                args.unidades, args.capas)
    palabras.compilar_palabras(modelo, args.tasa_palabras, 1.0)
    print(f"Modelo de palabras: {args.capas} × GRU({args.unidades}), embedding {args.embedding_dim}, "
          f"{vocab.num_encoder_tokens} + {vocab.num_decoder_tokens} palabras, lotes de {args.batch_palabras}", flush=True)
    historial = palabras.entrenar_palabras(modelo, datos, args.batch_palabras, args.epocas, args.paciencia)
    resumen = {"epocas": len(historial["loss"]), "mejor_val_loss": float(min(historial["val_loss"])),
               "segundos": historial["segundos"], "mejor_epoca": modelos.mejor_epoca(historial)}
    paquetes.guardar_modelo_palabras(modelo, vocab, carpeta, extra={**extra, **resumen})
    return modelo, resumen


def frases_comunes(ingles: list[str], frances: list[str], validacion: np.ndarray, vocab_c, vocab_p) -> tuple[dict, dict]:
    """Frases inglesas de validación (con todas sus referencias) que leen los dos modelos, y las saltadas."""
    saltadas: dict[str, int] = {}
    elegidas = {}
    for frase, refs in agrupar_referencias([ingles[i] for i in validacion], [frances[i] for i in validacion]).items():
        motivo = motivo_intraducible(frase, vocab_c) or calidad.motivo_intraducible_palabras(frase, vocab_p)
        if motivo:
            saltadas[motivo] = saltadas.get(motivo, 0) + 1
        else:
            elegidas[frase] = refs
    return elegidas, saltadas


def medir(salidas: list[str], referencias: list[list[str]]) -> dict:
    """chrF, BLEU y exactas multirreferencia, también en minúsculas (sin contar las mayúsculas)."""
    medidas = evaluar_multirreferencia(salidas, referencias)
    minusculas = evaluar_multirreferencia([s.lower() for s in salidas], [[r.lower() for r in refs] for refs in referencias])
    return {"chrf": medidas["chrf"], "bleu": medidas["bleu"], "exactas": medidas["coincidencia_exacta"],
            "chrf_minusculas": minusculas["chrf"], "bleu_minusculas": minusculas["bleu"]}


def inventadas(salidas: list[str], conocidas: set[str]) -> float:
    """% de las palabras de las salidas (sin signos ni unk) que no están en el francés de entrenamiento."""
    tokens = [t for s in salidas for t in palabras.tokenizar(palabras.normalizar(s), "francés")
              if any(c.isalpha() for c in t) and t != palabras.DESCONOCIDA]
    return 100 * sum(t not in conocidas for t in tokens) / max(len(tokens), 1)


def fila(nombre: str, cifras: dict) -> str:
    """Una fila de la tabla principal en Markdown."""
    return (f"| {nombre} | {cifras['chrf']:.1f} | {cifras['bleu']:.1f} | {cifras['exactas']:.1f} | {cifras['terminan']:.1f} "
            f"| {cifras['chrf_minusculas']:.1f} | {miles(cifras['parametros'])} | {cifras['s_por_epoca']:.0f} "
            f"| {cifras['mejor_epoca']} de {cifras['epocas']} ({cifras['minutos_entrenando']:.0f} min) | {cifras['ms_por_frase']:.2f} |")


def main(argumentos: list[str] | None = None) -> dict:
    args = leer_argumentos(argumentos)
    inicio_total = time.perf_counter()
    corpus = leer_pares(args.corpus, num_pares=args.pares, mostrar_resumen=False)
    ingles, frances = corpus.ingles, corpus.frances
    # El de caracteres es el del curso: su configuración «curso» (también su parada), salvo los pares y el máximo de épocas.
    config = dataclasses.replace(CONFIGURACIONES["curso"], num_pares=len(ingles), epocas=args.epocas)
    _, validacion = modelos.indices_de_validacion(ingles, config.fraccion_validacion, config.semilla)
    DIR_TRABAJO.mkdir(parents=True, exist_ok=True)
    orden = orden_legible(sys.argv[1:] if argumentos is None else argumentos)

    # 1. Entrenar los dos modelos con los mismos pares y la misma partición.
    entrenamiento_c = entrenar_caracteres(ingles, frances, config, DIR_TRABAJO / "caracteres")
    datos_p = palabras.preparar_palabras(ingles, frances, args.vocabulario, args.max_tokens, config.fraccion_validacion, config.semilla)
    extra = {"num_pares": len(ingles), "particion": {"fraccion": config.fraccion_validacion, "semilla": config.semilla},
             "corpus_sha256": calidad.sha256(args.corpus)}
    modelo_p, entrenamiento_p = entrenar_palabras(datos_p, args, DIR_TRABAJO / "palabras", extra)

    # 2. Las mismas frases de validación, traducidas por los dos con las funciones de calidad.py.
    modelo_c, vocab_c, _ = paquetes.cargar_modelo(DIR_TRABAJO / "caracteres")
    modelo_p, vocab_p, _ = paquetes.cargar_modelo_palabras(DIR_TRABAJO / "palabras")
    elegidas, saltadas = frases_comunes(ingles, frances, validacion, vocab_c, vocab_p)
    textos = list(elegidas)
    referencias = [elegidas[t] for t in textos]
    salidas_c, segundos_c = calidad.traducir_todas(textos, modelo_c, vocab_c)
    salidas_p, segundos_p, terminan_p = calidad.traducir_todas_palabras(textos, modelo_p, vocab_p)
    limite = vocab_c.max_decoder_seq_length - 1
    conocidas = set(vocab_p.index2word_fr[len(palabras.ESPECIALES):])
    cifras = {}
    for nombre, salidas, segundos, terminan, modelo, entrenamiento in (
        ("caracteres", salidas_c, segundos_c, 100 * float(np.mean([len(s) < limite for s in salidas_c])), modelo_c, entrenamiento_c),
        ("palabras", salidas_p, segundos_p, terminan_p, modelo_p, entrenamiento_p),
    ):
        cifras[nombre] = {**medir(salidas, referencias), "terminan": terminan, "parametros": modelo.count_params(),
                          "s_por_epoca": float(np.median(entrenamiento["segundos"][1:] or entrenamiento["segundos"])),
                          "epocas": entrenamiento["epocas"], "mejor_epoca": entrenamiento["mejor_epoca"],
                          "minutos_entrenando": sum(entrenamiento["segundos"]) / 60, "ms_por_frase": 1000 * segundos / len(textos),
                          "inventadas_pct": inventadas(salidas, conocidas)}

    # 3. Dónde gana cada uno: frases con palabras desconocidas para el de palabras, y frases largas.
    tokens_en = [palabras.tokenizar(palabras.normalizar(t), "inglés") for t in textos]
    con_unk = np.array([any(t not in vocab_p.word2index_en for t in tok) for tok in tokens_en])
    largas = np.array([len(tok) for tok in tokens_en]) >= np.quantile([len(tok) for tok in tokens_en], 0.75)
    grupos = {}
    for grupo, seleccion in (("con palabras desconocidas (unk)", con_unk), ("sin palabras desconocidas", ~con_unk),
                             ("largas (cuartil superior en tokens)", largas)):
        indices = np.flatnonzero(seleccion)
        if len(indices):
            grupos[grupo] = {"frases": len(indices), **{n: evaluar_multirreferencia(
                [s[i] for i in indices], [referencias[i] for i in indices])["chrf"] for n, s in
                (("caracteres", salidas_c), ("palabras", salidas_p))}}

    # 4. ¿Y sin forzado del profesor? Desde los mismos pesos, unas épocas más de cada manera.
    sin_forzado = {}
    if args.epocas_sin_forzado:
        pesos = modelo_p.get_weights()
        for nombre, con_mezcla in (("forzado del profesor", False), (f"{PROBABILIDAD_PROPIA:.0%} de predicciones propias", True)):
            fijar_semillas(42)
            copia = palabras.compilar_palabras(palabras.construir_modelo_palabras(
                vocab_p.num_encoder_tokens, vocab_p.num_decoder_tokens, args.embedding_dim, args.unidades, args.capas),
                args.tasa_palabras, 1.0)
            copia.set_weights(pesos)
            lotes = palabras.lotes_palabras(datos_p, datos_p.entrenamiento, args.batch_palabras)
            reloj = modelos.ResumenDeEpocas(cada=10**9)
            copia.fit(palabras.LotesConPrediccionesPropias(lotes, copia, PROBABILIDAD_PROPIA) if con_mezcla else lotes,
                      epochs=args.epocas_sin_forzado, verbose=0, callbacks=[reloj])
            segundos = float(np.median(reloj.segundos[1:] or reloj.segundos))
            salidas, _, terminan = calidad.traducir_todas_palabras(textos, copia, vocab_p)
            sin_forzado[nombre] = {**medir(salidas, referencias), "terminan": terminan, "s_por_epoca": segundos}
            print(f"{nombre}: chrF {sin_forzado[nombre]['chrf']:.1f}", flush=True)

    # 5. El informe.
    texto = informe(args, config, orden, len(ingles), len(validacion), saltadas, textos, referencias, salidas_c, salidas_p,
                    cifras, grupos, sin_forzado, datos_p, time.perf_counter() - inicio_total)
    args.informe.parent.mkdir(parents=True, exist_ok=True)
    args.informe.write_text(texto, encoding="utf-8")
    print(texto)
    print(ejemplos(textos, referencias, salidas_c, salidas_p))
    resumen = {"frases": len(textos), "cifras": cifras, "grupos": grupos, "sin_forzado": sin_forzado}
    print(json.dumps(resumen, ensure_ascii=False, default=float))
    return resumen


def informe(args, config, orden, n_pares, n_validacion, saltadas, textos, referencias, salidas_c, salidas_p, cifras, grupos,
            sin_forzado, datos_p, segundos_totales) -> str:
    """El informe en Markdown: orden, máquina, tabla principal, grupos, ejemplos y el experimento sin forzado."""
    carga = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lineas = [
        "# Modelo de palabras frente a modelo de caracteres",
        "",
        f"- Orden: `{orden}`",
        f"- Fecha: {datetime.date.today().isoformat()}; máquina: {platform.machine()}, {os.cpu_count()} núcleos, "
        f"carga media al terminar {carga:.1f}; Python {platform.python_version()}, Keras {keras.__version__}; "
        f"{segundos_totales / 60:.0f} min en total.",
        f"- Datos: {calidad.ruta_legible(args.corpus)}, los {n_pares} primeros pares; partición por frase inglesa "
        f"(fracción {str(config.fraccion_validacion).replace('.', ',')}, semilla {config.semilla}): {n_validacion} pares de validación. El modelo de palabras descarta "
        f"{sum(datos_p.descartes.values())} pares por sus filtros ({datos_p.descartes or 'ninguno'}).",
        f"- Evaluadas: {len(textos)} frases inglesas de validación distintas, las que leen los dos modelos, con "
        f"{sum(len(r) for r in referencias)} referencias; saltadas: {saltadas or 'ninguna'}.",
        f"- Caracteres: receta que aprende (cuaderno 04), LSTM de {config.latent_dim}, Adam {config.tasa_aprendizaje:g} "
        f"(clipnorm {config.clipnorm:g}), Dropout {config.dropout:g}, lotes de {config.batch_size}. Palabras: cuaderno 08, "
        f"{args.capas} GRU de {args.unidades} por lado, embedding {args.embedding_dim}, {args.vocabulario} palabras, "
        f"Adam {args.tasa_palabras}, lotes de {args.batch_palabras}. Los dos hasta {args.epocas} épocas, con parada temprana "
        f"y los pesos de la mejor época: el de caracteres, la del cuaderno 04 "
        f"({'por el chrF de sus frases de parada' if config.parada == 'chrf' else 'por la pérdida de validación'}, paciencia "
        f"{config.paciencia}); el de palabras, la del cuaderno 08 (por la pérdida de validación, paciencia {args.paciencia}). "
        "Voraz por lotes.",
        "",
        "| modelo | chrF | BLEU | exactas (%) | terminan (%) | chrF en minúsculas | parámetros | s por época | mejor época (entrenando) | ms por frase |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        fila("caracteres", cifras["caracteres"]),
        fila("palabras", cifras["palabras"]),
        "",
        "Dónde gana cada uno (chrF por grupo de frases, y ortografía):",
        "",
        "| grupo | frases | caracteres | palabras |",
        "|---|---:|---:|---:|",
        *(f"| {g} | {v['frases']} | {v['caracteres']:.1f} | {v['palabras']:.1f} |" for g, v in grupos.items()),
        f"| palabras de la salida que no están en el francés de entrenamiento (%) | — | "
        f"{cifras['caracteres']['inventadas_pct']:.1f} | {cifras['palabras']['inventadas_pct']:.1f} |",
        "",
    ]
    if sin_forzado:
        lineas += [
            f"¿Y sin forzado del profesor? Desde los pesos del modelo de palabras, {args.epocas_sin_forzado} épocas más:",
            "",
            "| continuación | chrF | BLEU | exactas (%) | terminan (%) | s por época |",
            "|---|---:|---:|---:|---:|---:|",
            *(f"| {n} | {v['chrf']:.1f} | {v['bleu']:.1f} | {v['exactas']:.1f} | {v['terminan']:.1f} | {v['s_por_epoca']:.0f} |"
              for n, v in sin_forzado.items()),
            "",
        ]
    return "\n".join(lineas) + "\n"


def ejemplos(textos, referencias, salidas_c, salidas_p) -> str:
    """Frases en las que los dos modelos difieren. Solo se muestran en la terminal: son frases del corpus
    (las de Tatoeba tienen su licencia y su atribución), y el informe del repositorio no las copia."""
    distintas = [i for i in range(len(textos)) if salidas_c[i] != salidas_p[i]]
    paso = max(1, len(distintas) // N_EJEMPLOS)
    lineas = ["Ejemplos en los que difieren:", "", "| inglés | referencias | caracteres | palabras |", "|---|---|---|---|"]
    for i in distintas[::paso][:N_EJEMPLOS]:
        lineas.append(f"| {textos[i]} | {' / '.join(referencias[i])} | {salidas_c[i]} | {salidas_p[i]} |")
    return "\n".join(lineas)


if __name__ == "__main__":
    main()

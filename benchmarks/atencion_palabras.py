"""¿Qué gana la atención? Los dos modelos de palabras del curso, con las mismas frases que nunca vieron.

Compara el traductor de palabras con atención (``datos/palabras_atencion/``, cuaderno 09) con su gemelo
sin atención (``datos/palabras/``, cuaderno 08): los mismos pares, vocabularios, épocas como máximo y
receta (``benchmarks/entrenar_palabras.py``), y casi los mismos parámetros. Con las frases reservadas
que se miden (las mismas que ``calidad.py --reservadas`` para todos los modelos del curso):

1. chrF, BLEU, salidas exactas y que terminan, de cada modelo, y su chrF por tramo de longitud;
2. la **puntuación de alineamiento** (``utils.atencion.puntuacion_de_alineamiento``): con el forzado
   del profesor sobre la primera referencia, la masa de atención cerca de la diagonal y la fracción de
   palabras cuyo peso máximo cae cerca de ella, frente a lo que da un mapa uniforme;
3. tres mapas de atención de frases reservadas (una corta acertada, una larga acertada, la larga peor
   traducida), en ``imagenes/atencion_palabras_mapas.png``.

Escribe ``benchmarks/resultados/atencion_palabras.md`` y ``.json`` (el cuaderno 09 y el README leen de
ahí sus cifras) y ``imagenes/atencion_palabras_por_longitud.png``. Uso, desde la raíz del repositorio
(unos minutos en una CPU de 2 núcleos)::

    python benchmarks/atencion_palabras.py --corpus RUTA/A/fra.txt
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
for _ruta in (RAIZ, RAIZ / "benchmarks"):
    if str(_ruta) not in sys.path:
        sys.path.insert(0, str(_ruta))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from argumentos import (  # noqa: E402
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_escribible, ruta_legible, sha256,
)

RESULTADOS = RAIZ / "benchmarks" / "resultados"


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` es inmediato)."""
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="el fra.txt con el que se entrenaron los dos modelos")
    parser.add_argument("--con", type=Path, default=RAIZ / "datos" / "palabras_atencion", help="paquete con atención")
    parser.add_argument("--sin", type=Path, default=RAIZ / "datos" / "palabras", help="paquete sin atención")
    parser.add_argument("--con-estado", type=Path, default=None,
                        help="opcional: la variante con atención que además inicia el decodificador con el estado del "
                             "codificador (entrenar_palabras.py --atencion, sin --sin-estado-inicial)")
    parser.add_argument("--informe", type=Path, default=RESULTADOS / "atencion_palabras.md")
    parser.add_argument("--grafico", type=Path, default=RAIZ / "imagenes" / "atencion_palabras_por_longitud.png")
    parser.add_argument("--mapas", type=Path, default=RAIZ / "imagenes" / "atencion_palabras_mapas.png")
    return parser


analizar_pronto(__name__, analizador)


def main(argumentos: list[str] | None = None) -> dict:
    args = analizador().parse_args(argumentos)
    comprobar_archivo_de_entrada(args.corpus, "--corpus")
    for ruta, opcion in ((args.informe, "--informe"), (args.informe.with_suffix(".json"), "--informe"),
                         (args.grafico, "--grafico"), (args.mapas, "--mapas")):
        comprobar_escribible(ruta, opcion)
    for carpeta, opcion in ((args.con, "--con"), (args.sin, "--sin"), (args.con_estado, "--con-estado")):
        if carpeta is not None and not carpeta.is_dir():
            raise SystemExit(f"error: {opcion}: {ruta_legible(carpeta)} no es la carpeta de un paquete del curso. "
                             "Entrénalo con benchmarks/entrenar_palabras.py o comprueba la ruta.")

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    import calidad
    from utils import atencion, palabras, paquetes
    from utils.datos import leer_pares
    from utils.evaluacion import evaluar_multirreferencia

    try:
        modelo_con, vocab, meta_con = palabras.cargar_modelo_palabras(args.con)
        modelo_sin, vocab_sin, meta_sin = palabras.cargar_modelo_palabras(args.sin)
    except (ValueError, FileNotFoundError) as error:
        raise SystemExit(f"error: {error}") from None
    if not atencion.tiene_atencion(modelo_con) or atencion.tiene_atencion(modelo_sin):
        raise SystemExit("error: --con debe ser el paquete con atención y --sin el gemelo sin atención.")
    extra_con, extra_sin = meta_con.get("extra", {}), meta_sin.get("extra", {})
    if vocab != vocab_sin or extra_con.get("particion") != extra_sin.get("particion"):
        raise SystemExit("error: los dos paquetes no son gemelos (otro vocabulario u otra partición): entrénalos con "
                         "las mismas opciones de entrenar_palabras.py.")
    if extra_con.get("corpus_sha256") != sha256(args.corpus):
        raise SystemExit(f"error: --corpus: {args.corpus.name} no es el archivo con el que se entrenaron los modelos "
                         f"({extra_con.get('corpus', '?')}).")

    corpus = leer_pares(args.corpus, mostrar_resumen=False)
    medidos, _ = calidad.partir_reservados(corpus.ingles, extra_con["particion"])
    ingles, frances = [corpus.ingles[i] for i in medidos], [corpus.frances[i] for i in medidos]
    elegidas, saltadas = calidad.seleccionar(ingles, frances, lambda f: calidad.motivo_intraducible_palabras(f, vocab),
                                             None, None)
    frases = list(elegidas)
    referencias = [elegidas[f] for f in frases]
    print(f"{len(frases)} frases inglesas reservadas (de {len(set(ingles))}); saltadas {dict(saltadas)}", flush=True)

    resultados, tablas, salidas_de = {}, {}, {}
    for nombre, modelo, meta in (("sin atención", modelo_sin, meta_sin), ("con atención", modelo_con, meta_con)):
        atencion.traducir_ids_palabras(modelo, vocab, frases[:3])  # calentamiento
        terminadas: list[bool] = []
        inicio = time.perf_counter()
        salidas = atencion.traducir_ids_palabras(modelo, vocab, frases, terminadas=terminadas)
        segundos = time.perf_counter() - inicio
        medidas = evaluar_multirreferencia(salidas, referencias)
        extra = meta.get("extra", {})
        resultados[nombre] = {
            "chrf": round(medidas["chrf"], 2), "bleu": round(medidas["bleu"], 2),
            "exactas_pct": round(medidas["coincidencia_exacta"], 2), "terminan_pct": round(100 * float(np.mean(terminadas)), 2),
            "parametros": int(modelo.count_params()), "epocas": extra.get("epocas"), "mejor_epoca": extra.get("mejor_epoca"),
            "minutos_de_entrenamiento": round(extra.get("segundos", 0) / 60, 1),
            "ms_por_frase": round(1000 * segundos / len(frases), 2),
        }
        tablas[nombre] = atencion.calidad_por_longitud(frases, salidas, referencias)
        salidas_de[nombre] = salidas
        print(f"{nombre}: {resultados[nombre]}", flush=True)

    # Alineamiento: el forzado del profesor con la primera referencia de cada frase.
    tokens_en = [palabras.tokenizar(palabras.normalizar(f), "inglés") for f in frases]
    tokens_fr = [palabras.tokenizar(palabras.normalizar(r[0]), "francés") for r in referencias]
    caben = [i for i in range(len(frases)) if len(tokens_fr[i]) <= vocab.max_tokens_fr]
    enc, dec, _ = palabras.vectorizar_palabras([tokens_en[i] for i in caben], [tokens_fr[i] for i in caben], vocab)

    def alinear(modelo) -> dict:
        mapas = []
        for inicio in range(0, len(caben), 256):
            pesos = atencion.pesos_con_forzado(modelo, enc[inicio : inicio + 256], dec[inicio : inicio + 256])
            for fila, i in enumerate(caben[inicio : inicio + 256]):
                mapas.append(pesos[fila, : len(tokens_fr[i]), : len(tokens_en[i])])
        return atencion.puntuacion_de_alineamiento(mapas)

    alineamiento = alinear(modelo_con)
    print(f"alineamiento: {alineamiento}", flush=True)
    variante = None
    if args.con_estado is not None:
        try:
            modelo_var, vocab_var, meta_var = palabras.cargar_modelo_palabras(args.con_estado)
        except (ValueError, FileNotFoundError) as error:
            raise SystemExit(f"error: --con-estado: {error}") from None
        if vocab_var != vocab or not atencion.tiene_atencion(modelo_var) or not atencion.usa_estado_inicial(modelo_var):
            raise SystemExit("error: --con-estado debe ser la variante con atención y con el estado del codificador, "
                             "con el mismo vocabulario (entrenar_palabras.py --atencion).")
        salidas_var = atencion.traducir_ids_palabras(modelo_var, vocab, frases)
        medidas_var = evaluar_multirreferencia(salidas_var, referencias)
        extra_var = meta_var.get("extra", {})
        variante = {"chrf": round(medidas_var["chrf"], 2), "bleu": round(medidas_var["bleu"], 2),
                    "exactas_pct": round(medidas_var["coincidencia_exacta"], 2), "parametros": int(modelo_var.count_params()),
                    "epocas": extra_var.get("epocas"), "mejor_epoca": extra_var.get("mejor_epoca"),
                    "orden": extra_var.get("orden"), "alineamiento": alinear(modelo_var)}
        print(f"con estado inicial: {variante}", flush=True)

    # Los mapas de tres frases reservadas, con la salida del propio modelo.
    ejemplos = atencion.elegir_ejemplos(frases, referencias, salidas_de["con atención"])
    inferencia = atencion.construir_modelos_inferencia_palabras_atencion(modelo_con)
    figura, ejes = plt.subplots(1, len(ejemplos), figsize=(6.5 * len(ejemplos), 6), squeeze=False)
    descritos = []
    for eje, (i, descripcion) in zip(ejes[0], ejemplos):
        ids = palabras.rellenar([palabras.tokens_a_ids(tokens_en[i], vocab.word2index_en)], len(tokens_en[i]))
        (salida,), (pesos,) = atencion.decodificar_lote_palabras_atencion(ids, *inferencia, vocab, devolver_pesos=True)
        texto = palabras.unir_frances(salida, vocab)
        atencion.graficar_atencion_palabras(pesos, tokens_en[i], [*salida, palabras.FIN], f"{descripcion}\n{frases[i]} → {texto}",
                                            eje=eje)
        descritos.append({"descripcion": descripcion, "ingles": frases[i], "salida": texto, "referencias": referencias[i]})
    figura.tight_layout()
    figura.savefig(args.mapas, dpi=90)
    plt.close(figura)

    tamanos = paquetes.tamanos_del_modelo(modelo_con)
    figura = atencion.graficar_calidad_por_longitud(
        {"sin atención": tablas["sin atención"], "con atención": tablas["con atención"]},
        f"Modelos de palabras ({tamanos['capas']} × GRU de {tamanos['unidades']} unidades por lado): "
        f"{len(frases)} frases reservadas de Tatoeba")
    figura.savefig(args.grafico, dpi=90)
    plt.close(figura)

    defectos = analizador().parse_args(["--corpus", str(args.corpus)])
    distintas = "".join(f" --{opcion.replace('_', '-')} {ruta_legible(getattr(args, opcion))}"
                        for opcion in ("sin", "con", "con_estado", "informe", "grafico", "mapas")
                        if getattr(args, opcion) is not None and getattr(args, opcion) != getattr(defectos, opcion))
    orden = f"python benchmarks/atencion_palabras.py --corpus RUTA/A/{args.corpus.name}{distintas}"
    ganancia = resultados["con atención"]["chrf"] - resultados["sin atención"]["chrf"]
    lineas = [
        "# La atención sobre palabras, medida con frases que los modelos nunca vieron", "",
        f"- Orden: `{orden}`",
        f"- Modelos: `{ruta_legible(args.sin)}` y `{ruta_legible(args.con)}`, entrenados con "
        f"`{extra_con.get('orden', 'benchmarks/entrenar_palabras.py')}` (el gemelo sin atención, sin `--atencion`).",
        f"- Datos: {len(frases)} frases inglesas reservadas de {args.corpus.name} ({sum(len(r) for r in referencias)} "
        f"referencias), las mismas que `calidad.py --reservadas` para todos los modelos del curso; saltadas: "
        f"{dict(saltadas) or 'ninguna'}.", "",
        "| modelo | parámetros | épocas (elegida) | minutos | chrF | BLEU | exactas (%) | terminan (%) | ms por frase |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for nombre, r in resultados.items():
        lineas.append(f"| {nombre} | {r['parametros']:,} | {r['epocas']} ({r['mejor_epoca']}) | {r['minutos_de_entrenamiento']} "
                      f"| {r['chrf']:.1f} | {r['bleu']:.1f} | {r['exactas_pct']:.1f} | {r['terminan_pct']:.1f} "
                      f"| {r['ms_por_frase']:.2f} |".replace(",", " "))
    lineas += ["", f"Ganancia de la atención: **{ganancia:+.1f}** puntos de chrF.", "",
               atencion.tabla_por_longitud(tablas), "",
               "## Alineamiento", "",
               f"Con el forzado del profesor sobre la primera referencia de las {alineamiento['frases']} frases de al menos "
               f"5 palabras inglesas ({alineamiento['palabras']} palabras francesas). Banda: a una palabra o menos de la "
               "diagonal.", "",
               "| mapa | masa en la banda | máximo en la banda |", "|---|---:|---:|",
               f"| modelo con atención | {alineamiento['masa_en_banda']:.3f} | {alineamiento['maximo_en_banda']:.3f} |",
               f"| uniforme (atención difusa) | {alineamiento['masa_uniforme']:.3f} | {alineamiento['maximo_uniforme']:.3f} |",
               ]
    if variante is not None:
        b = variante["alineamiento"]
        lineas += [f"| atención con el estado del codificador | {b['masa_en_banda']:.3f} | {b['maximo_en_banda']:.3f} |", "",
                   "## ¿Y si el decodificador también recibe el resumen?", "",
                   f"La misma atención, pero el decodificador empieza con el estado final del codificador (`{variante['orden']}`; "
                   f"la época {variante['mejor_epoca']} de {variante['epocas']}): chrF {variante['chrf']:.1f}, BLEU "
                   f"{variante['bleu']:.1f}, exactas {variante['exactas_pct']:.1f} %. Su masa en la banda es "
                   f"{b['masa_en_banda']:.3f} frente a {alineamiento['masa_en_banda']:.3f} del modelo del curso."]
    lineas += ["", "## Ejemplos de los mapas", ""]
    lineas += [f"- {e['descripcion']}: {e['ingles']} → {e['salida']} (referencia: {e['referencias'][0]})" for e in descritos]
    args.informe.write_text("\n".join(lineas) + "\n", encoding="utf-8")
    cifras = {"orden": orden, "orden_de_entrenamiento": extra_con.get("orden"), "tamanos": tamanos,
              "frases": len(frases), "modelos": resultados, "ganancia_chrf": round(ganancia, 2),
              "por_longitud": tablas, "alineamiento": alineamiento, "ejemplos": descritos}
    if variante is not None:
        cifras["con estado inicial"] = variante
    args.informe.with_suffix(".json").write_text(json.dumps(cifras, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n".join(lineas))
    return cifras


if __name__ == "__main__":
    main()

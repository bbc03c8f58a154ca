"""Todos los modelos del curso, uno al lado del otro, con las mismas frases reservadas de Tatoeba.

Uso, desde la raíz del repositorio (con el mismo ``fra.txt`` con el que se entrenaron los paquetes)::

    python benchmarks/comparar_modelos.py --corpus RUTA/A/fra.txt             # unos minutos en 2 núcleos
    python benchmarks/comparar_modelos.py --corpus RUTA/A/fra.txt --frases 300   # menos frases que medir

1. Lee los cuatro paquetes del curso: el LSTM de caracteres (``datos/preentrenado``, cuadernos
   04–07), el GRU de palabras (``datos/palabras``, cuaderno 08), el GRU de palabras con atención
   (``datos/palabras_atencion``, cuaderno 09) y el Transformer (``datos/transformer``, cuaderno 10),
   y se niega a seguir, antes de hacer nada, si falta alguno (dice con qué orden se entrena) o si
   ``--corpus`` no es el archivo con el que se entrenaron (su SHA-256): la partición por frase
   inglesa solo vale en ese archivo.
2. Rehace esa partición (fracción 0,05 y semilla 42, las de los paquetes): las frases inglesas
   reservadas, sin las frases de parada de ningún paquete, son las que se miden (las de
   ``calidad.partir_reservados``). Aquí no se entrena nada: solo se traduce.
3. Se quedan las frases inglesas reservadas (con todas sus referencias) que **todos** los modelos
   pueden leer (cada uno tiene sus motivos para saltar una: caracteres desconocidos, demasiado
   larga…), y se cuentan las que se quitan y por qué.
4. Cada modelo las traduce con su decodificación voraz por lotes, tras un calentamiento, y se mide
   chrF, BLEU, salidas exactas, salidas que terminan, parámetros y tiempo de entrenamiento (los que
   anotó cada paquete), milisegundos por frase y el chrF por tramo de longitud de la frase inglesa.

Escribe ``benchmarks/resultados/comparacion_modelos.md`` (con la orden arriba) e
``imagenes/comparacion_modelos.png`` (chrF por tramo de longitud, una línea por modelo), y termina
con una línea JSON con las cifras.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
for _ruta in (RAIZ, RAIZ / "benchmarks"):
    if str(_ruta) not in sys.path:
        sys.path.insert(0, str(_ruta))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from argumentos import (  # noqa: E402
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_escribible, entero, ruta_legible, sha256,
)

INFORME = RAIZ / "benchmarks" / "resultados" / "comparacion_modelos.md"
GRAFICO = RAIZ / "imagenes" / "comparacion_modelos.png"
ENTRENAR_PALABRAS = "python benchmarks/entrenar_palabras.py --corpus RUTA/A/fra.txt"

# Los paquetes, en el orden del curso: opción → (modelo, carpeta por defecto, orden que lo entrena).
PAQUETES = {
    "--preentrenado": ("LSTM de caracteres", RAIZ / "datos" / "preentrenado",
                       "python benchmarks/entrenar_preentrenado.py --corpus RUTA/A/fra.txt"),
    "--palabras": ("GRU de palabras", RAIZ / "datos" / "palabras", ENTRENAR_PALABRAS),
    "--palabras-atencion": ("GRU de palabras con atención", RAIZ / "datos" / "palabras_atencion",
                            f"{ENTRENAR_PALABRAS} --atencion --sin-estado-inicial"),
    "--transformer": ("Transformer de subpalabras", RAIZ / "datos" / "transformer",
                      "python benchmarks/entrenar_transformer.py --corpus RUTA/A/fra.txt"),
}
# Los de palabras: si su configuración tiene atención (un paquete cambiado de opción se nota antes de traducir).
CON_ATENCION = {"--palabras": False, "--palabras-atencion": True}
# Opciones cuyo valor es una ruta: en la orden que se escribe en el informe salen como en argumentos.ruta_legible.
OPCIONES_DE_RUTA = ("--corpus", *PAQUETES, "--informe", "--grafico")


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` es inmediato)."""
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True,
                        help="el fra.txt de Tatoeba con el que se entrenaron los paquetes (se comprueba su SHA-256)")
    parser.add_argument("--frases", type=entero(1), default=None,
                        help="como mucho estas frases inglesas, repartidas por toda la parte medida (medida rápida)")
    for opcion, (modelo, carpeta, _) in PAQUETES.items():
        parser.add_argument(opcion, type=Path, default=carpeta, help=f"paquete del {modelo} ({ruta_legible(carpeta)})")
    parser.add_argument("--informe", type=Path, default=INFORME, help="tabla en Markdown")
    parser.add_argument("--grafico", type=Path, default=GRAFICO, help="gráfico del chrF por tramo de longitud (PNG)")
    return parser


analizar_pronto(__name__, analizador)

import numpy as np  # noqa: E402


# --- Comprobaciones sin TensorFlow: los paquetes y el archivo -------------------------------------
def carpetas_de_los_paquetes(args) -> dict[str, Path]:
    """La carpeta de cada paquete, por opción; si falta alguna, ``SystemExit`` con la orden que la entrena."""
    carpetas = {opcion: getattr(args, opcion[2:].replace("-", "_")) for opcion in PAQUETES}
    faltan = [f"- {opcion}: {ruta_legible(carpeta)} ({PAQUETES[opcion][0]}) "
              f"{'no existe' if not carpeta.exists() else 'es un archivo, no una carpeta'}. Entrénalo con "
              f"`{PAQUETES[opcion][2]}` o pasa su carpeta con {opcion}."
              for opcion, carpeta in carpetas.items() if not carpeta.is_dir()]
    if faltan:
        raise SystemExit(f"error: falta{'n' if len(faltan) > 1 else ''} {len(faltan)} de los {len(PAQUETES)} paquetes "
                         "que se comparan:\n" + "\n".join(faltan))
    return carpetas


def _leer_json(ruta: Path, opcion: str) -> dict:
    try:
        contenido = json.loads(ruta.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SystemExit(f"error: {opcion}: no se puede leer {ruta.name} del paquete {ruta_legible(ruta.parent)} "
                         f"({type(error).__name__}). Vuelve a entrenar o a descargar el paquete.") from None
    if not isinstance(contenido, dict):
        raise SystemExit(f"error: {opcion}: {ruta.name} del paquete {ruta_legible(ruta.parent)} está dañado.")
    return contenido


def registro_del_paquete(carpeta: Path, opcion: str) -> dict:
    """Cómo se entrenó un paquete: ``entrenamiento.json`` (caracteres) o ``extra`` de ``metadatos.json`` (palabras y
    Transformer).

    Exige el SHA-256 del archivo y la partición: sin ellos no se sabe qué frases no vio el modelo. Un paquete de
    palabras debe serlo, con atención o sin ella según la opción.
    """
    if (carpeta / "entrenamiento.json").is_file():
        registro = _leer_json(carpeta / "entrenamiento.json", opcion)
    elif (carpeta / "metadatos.json").is_file():
        metadatos = _leer_json(carpeta / "metadatos.json", opcion)
        registro = metadatos.get("extra") or {}
        if opcion in CON_ATENCION:
            comprobar_paquete_de_palabras(carpeta, opcion, metadatos)
    else:
        raise SystemExit(f"error: {opcion}: en {ruta_legible(carpeta)} no hay ni entrenamiento.json ni metadatos.json: "
                         "no es un paquete del curso.")
    particion = registro.get("particion")
    faltan = [texto for texto, falta in (
        ("con qué archivo se entrenó (corpus_sha256)", not isinstance(registro.get("corpus_sha256"), str)),
        ("con qué partición (particion)", not isinstance(particion, dict) or not {"fraccion", "semilla"} <= set(particion)),
    ) if falta]
    if faltan:
        raise SystemExit(f"error: {opcion}: el paquete {ruta_legible(carpeta)} no guarda {' ni '.join(faltan)}, así que no "
                         "se sabe qué frases no vio. Usa un paquete empaquetado por su orden de entrenamiento: "
                         f"`{PAQUETES[opcion][2]}`.")
    return registro


def comprobar_paquete_de_palabras(carpeta: Path, opcion: str, metadatos: dict) -> None:
    """``SystemExit`` si ``metadatos`` no son los de un paquete de palabras con (o sin) atención, como pide ``opcion``."""
    configuracion = metadatos.get("configuracion")
    atencion = isinstance(configuracion, dict) and bool(configuracion.get("atencion"))
    if metadatos.get("tipo") != "palabras":
        problema = f"es un paquete de tipo {metadatos.get('tipo', 'caracteres')!r}, no de palabras"
    elif atencion != CON_ATENCION[opcion]:
        problema = "es un modelo de palabras " + ("con atención" if atencion else "sin atención")
    else:
        return
    raise SystemExit(f"error: {opcion}: {ruta_legible(carpeta)} {problema}; esta opción espera el "
                     f"{PAQUETES[opcion][0]}, que se entrena con `{PAQUETES[opcion][2]}`.")


def comprobar_corpus(corpus: Path, registros: dict[str, dict]) -> str:
    """El SHA-256 de ``corpus``, si es el archivo con el que se entrenaron todos los paquetes; si no, ``SystemExit``."""
    huella_corpus = sha256(corpus)
    for opcion, registro in registros.items():
        if registro["corpus_sha256"] != huella_corpus:
            raise SystemExit(
                f"error: --corpus: {corpus.name} no es el archivo con el que se entrenó el paquete de {opcion} "
                f"({registro.get('corpus', '?')}, SHA-256 {registro['corpus_sha256'][:12]}…; este archivo da "
                f"{huella_corpus[:12]}…). La partición en frases reservadas solo vale en ese mismo archivo: pasa ese "
                "fra.txt con --corpus.")
    particiones = {(r["particion"]["fraccion"], r["particion"]["semilla"]) for r in registros.values()}
    if len(particiones) > 1:
        raise SystemExit("error: los paquetes se entrenaron con particiones distintas (fracción, semilla): "
                         f"{sorted(particiones)}. No hay frases que ninguno haya visto: vuelve a entrenar uno con la del otro.")
    return huella_corpus


def orden_legible(argumentos: list[str]) -> str:
    """La orden con la que se ejecutó, con las rutas como en ``ruta_legible`` (nunca las de esta máquina)."""
    partes = list(argumentos)
    for i, parte in enumerate(partes):
        if parte in OPCIONES_DE_RUTA and i + 1 < len(partes):
            partes[i + 1] = ruta_legible(Path(partes[i + 1]))
        elif parte.split("=", 1)[0] in OPCIONES_DE_RUTA and "=" in parte:
            opcion, valor = parte.split("=", 1)
            partes[i] = f"{opcion} {ruta_legible(Path(valor))}"
    return " ".join(["python benchmarks/comparar_modelos.py", *partes])


def miles(n: float) -> str:
    """Entero con espacios como separador de miles."""
    return f"{int(round(n)):,}".replace(",", " ")


def duracion(segundos: float) -> str:
    """``42 s``, ``13 min`` o ``5,1 h``."""
    if segundos < 90:
        return f"{segundos:.0f} s"
    if segundos < 90 * 60:
        return f"{segundos / 60:.0f} min"
    return f"{segundos / 3600:.1f} h".replace(".", ",")


def main(argumentos: list[str] | None = None) -> dict:
    args = analizador().parse_args(argumentos)
    comprobar_archivo_de_entrada(args.corpus, "--corpus")
    comprobar_escribible(args.informe, "--informe")
    comprobar_escribible(args.grafico, "--grafico")
    carpetas = carpetas_de_los_paquetes(args)
    registros = {opcion: registro_del_paquete(carpeta, opcion) for opcion, carpeta in carpetas.items()}
    huella_corpus = comprobar_corpus(args.corpus, registros)
    orden = orden_legible(sys.argv[1:] if argumentos is None else argumentos)
    return comparar(args, carpetas, registros, huella_corpus, orden)


# --- A partir de aquí, TensorFlow ---------------------------------------------------------------
def comparar(args, carpetas: dict[str, Path], registros: dict, huella_corpus: str, orden: str) -> dict:
    """Carga los paquetes, elige las frases comunes, traduce, mide y escribe el informe y el gráfico."""
    import logging

    from utils import modelos
    from utils.datos import leer_pares
    from utils.evaluacion import agrupar_referencias

    logging.getLogger("tensorflow").setLevel(logging.ERROR)  # los avisos de «retrazado» son esperables aquí
    inicio_total = time.perf_counter()
    corpus = leer_pares(args.corpus, mostrar_resumen=False)
    ingles, frances = corpus.ingles, corpus.frances
    particion = registros["--preentrenado"]["particion"]
    entrenamiento, reservados = modelos.indices_de_validacion(ingles, particion["fraccion"], particion["semilla"])
    medidas_por_paquete, de_parada = [], set()
    for registro in registros.values():
        medidos, parada = _partir_reservados(ingles, registro["particion"])
        medidas_por_paquete.append({ingles[i] for i in medidos})
        de_parada |= {ingles[i] for i in parada}
    medidas = set.intersection(*medidas_por_paquete) - de_parada
    indices_medidos = [i for i in reservados if ingles[i] in medidas]
    reservadas_ingles = {ingles[i] for i in reservados}
    assert not reservadas_ingles & {ingles[i] for i in entrenamiento}, "la partición debería ser por frase inglesa"
    candidatas = agrupar_referencias([ingles[i] for i in indices_medidos], [frances[i] for i in indices_medidos])
    print(f"{len(ingles)} pares; {len(reservados)} reservados ({len(reservadas_ingles)} frases inglesas), de las que se "
          f"miden {len(candidatas)} (sin las frases de parada de los paquetes).", flush=True)

    # 1. Los paquetes, cada uno con su nombre en la tabla, «GRU de palabras (`datos/palabras`)», y el de su modelo
    #    en la tabla por longitud y en el gráfico, «GRU de palabras».
    cargar = {"--preentrenado": traductor_caracteres, "--palabras": traductor_palabras,
              "--palabras-atencion": traductor_palabras, "--transformer": traductor_transformer}
    traductores = {f"{PAQUETES[opcion][0]} (`{ruta_legible(carpeta)}`)":
                   {**cargar[opcion](carpeta, opcion, registros[opcion]), "modelo": PAQUETES[opcion][0]}
                   for opcion, carpeta in carpetas.items()}

    # 2. Las frases que leen todos, y las que se quitan y por qué (las vistas al entrenar no deberían existir:
    #    la partición es por frase inglesa; si un paquete dice que vio alguna, se cuenta y se quita).
    saltadas: dict[str, Counter] = {nombre: Counter() for nombre in traductores}
    comunes: dict[str, list[str]] = {}
    for frase, referencias in candidatas.items():
        motivos = {nombre: t["motivo"](frase) or ("vistas al entrenar" if t["vio"](frase) else None)
                   for nombre, t in traductores.items()}
        for nombre, motivo in motivos.items():
            if motivo:
                saltadas[nombre][motivo] += 1
        if not any(motivos.values()):
            comunes[frase] = referencias
    quitadas = len(candidatas) - len(comunes)
    if not comunes:
        raise SystemExit(f"error: no queda ninguna frase que lean todos los modelos: {_texto_saltadas(saltadas)}.")
    textos = list(comunes)
    if args.frases is not None and len(textos) > args.frases:  # repartidas: Tatoeba va ordenado por longitud
        textos = [textos[i] for i in np.linspace(0, len(textos) - 1, args.frases).round().astype(int)]
    referencias = [comunes[t] for t in textos]
    print(f"{len(textos)} frases comunes a los cuatro modelos; quitadas {quitadas}: {_texto_saltadas(saltadas)}.", flush=True)

    # 3. Traducir y medir.
    from utils import atencion
    from utils.evaluacion import evaluar_multirreferencia

    cifras, tablas, salidas_por_modelo = {}, {}, {}
    for nombre, t in traductores.items():
        salidas, segundos, terminan = t["traducir"](list(textos))
        medida = evaluar_multirreferencia(salidas, referencias)
        salidas_por_modelo[nombre] = salidas
        tablas[t["modelo"]] = atencion.calidad_por_longitud(textos, salidas, referencias)
        cifras[nombre] = {
            "chrf": round(medida["chrf"], 2), "bleu": round(medida["bleu"], 2),
            "exactas_pct": round(medida["coincidencia_exacta"], 2), "terminan_pct": round(terminan, 2),
            "parametros": int(t["parametros"]), "segundos_entrenamiento": round(float(t["segundos"]), 1),
            "ms_por_frase": round(1000 * segundos / len(textos), 2), "origen": t["origen"],
            "frases": len(salidas), "huella_frases": huella_de_frases(textos),
            "saltadas": dict(saltadas[nombre]),
            "chrf_por_longitud": {f["tramo"]: round(f["chrf"], 2) for f in tablas[t["modelo"]]},
        }
        print(f"{nombre}: chrF {medida['chrf']:.1f}, BLEU {medida['bleu']:.1f}, "
              f"{1000 * segundos / len(textos):.2f} ms por frase", flush=True)

    # 4. Informe, gráfico y línea JSON.
    dibujar(tablas, len(textos), args.grafico)
    texto = informe(args, orden, corpus, huella_corpus, particion, len(reservadas_ingles), len(candidatas), textos,
                    referencias, saltadas, quitadas, cifras, tablas, time.perf_counter() - inicio_total)
    args.informe.parent.mkdir(parents=True, exist_ok=True)
    args.informe.write_text(texto, encoding="utf-8")
    print(texto)
    print(ejemplos(textos, referencias, salidas_por_modelo))
    resumen = {"corpus": ruta_legible(args.corpus), "frases": len(textos), "quitadas": quitadas,
               "huella_frases": huella_de_frases(textos),
               "modelos": {nombre: {k: v for k, v in c.items() if k != "origen"} for nombre, c in cifras.items()}}
    print(json.dumps(resumen, ensure_ascii=False))
    return resumen


def huella_de_frases(frases: list[str]) -> str:
    """Una huella corta de una lista de frases (la misma lista, en el mismo orden, da la misma huella)."""
    return hashlib.sha256("\n".join(frases).encode("utf-8")).hexdigest()[:16]


def _partir_reservados(ingles: list[str], particion: dict):
    """``calidad.partir_reservados``: (pares reservados que se miden, pares de parada)."""
    import calidad

    return calidad.partir_reservados(ingles, particion)


def _texto_saltadas(saltadas: dict[str, Counter]) -> str:
    partes = [f"{nombre}: " + ", ".join(f"{n} por {motivo}" for motivo, n in contador.items())
              for nombre, contador in saltadas.items() if contador]
    return "; ".join(partes) or "ninguna"


# --- Cada modelo: cómo lee, cómo traduce, de dónde sale ------------------------------------------
def traductor_caracteres(carpeta: Path, opcion: str, registro: dict) -> dict:
    """El paquete de caracteres: se lee y se traduce como en ``calidad.evaluar`` (``calidad.traducir_todas``)."""
    import calidad
    from utils.datos import huella, motivo_intraducible
    from utils.decodificacion import pasos_maximos

    modelo, vocab, _, _, huellas = calidad.cargar_paquete(carpeta)

    def traducir(textos):
        salidas, segundos = calidad.traducir_todas(textos, modelo, vocab)
        return salidas, segundos, 100 * float(np.mean([len(s) < pasos_maximos(vocab) for s in salidas]))

    return {"motivo": lambda f: motivo_intraducible(f, vocab), "vio": lambda f: huellas is not None and huella(f) in huellas,
            "traducir": traducir, "parametros": modelo.count_params(), "segundos": registro.get("segundos", float("nan")),
            "origen": origen(carpeta, registro, "entrenamiento", "calidad.evaluar")}


def traductor_palabras(carpeta: Path, opcion: str, registro: dict) -> dict:
    """Un paquete de palabras, con o sin atención: se lee y se traduce como en ``calidad.evaluar_palabras``
    (``utils.atencion.traducir_ids_palabras``); las palabras desconocidas se leen como ``unk``."""
    import calidad
    from utils import paquetes

    try:
        modelo, vocab, _ = paquetes.cargar_modelo_palabras(carpeta)
        huellas = paquetes.huellas_vistas(carpeta)
    except (OSError, ValueError) as error:
        raise SystemExit(f"error: {opcion}: {error}") from None
    return {"motivo": lambda f: calidad.motivo_intraducible_palabras(f, vocab), "vio": lambda f: paquetes.vio(huellas, f),
            "traducir": lambda textos: calidad.traducir_todas_palabras(textos, modelo, vocab),
            "parametros": registro.get("parametros") or modelo.count_params(),
            "segundos": registro.get("segundos", float("nan")),
            "origen": origen(carpeta, registro, "pares_de_entrenamiento_usados", "calidad.evaluar_palabras")}


def traductor_transformer(carpeta: Path, opcion: str, registro: dict) -> dict:
    """El paquete del Transformer: se lee y se traduce como en ``calidad.evaluar_transformer``."""
    import calidad
    from utils import paquetes
    from utils import transformer as T

    try:
        modelo, tokenizador, _ = paquetes.cargar_transformer(carpeta)
        huellas = paquetes.huellas_vistas(carpeta)
    except (OSError, ValueError) as error:
        raise SystemExit(f"error: {opcion}: {error}") from None
    max_tokens = registro.get("max_tokens", 64)
    inferencia = T.construir_modelos_inferencia_transformer(modelo)

    def motivo(frase):
        if tokenizador.desconocidos(frase):
            return "caracteres desconocidos"
        if len(tokenizador.codificar(frase)) > max_tokens:
            return f"más de {max_tokens} subpalabras"
        return None

    def traducir(textos):
        T.traducir_ids(modelo, tokenizador, textos[:3], modelos_inferencia=inferencia)  # calentamiento: traza el grafo
        terminadas: list[bool] = []
        inicio = time.perf_counter()
        salidas = T.traducir_ids(modelo, tokenizador, textos, lote=calidad.LOTE, modelos_inferencia=inferencia,
                                 terminadas=terminadas)
        return salidas, time.perf_counter() - inicio, 100 * float(np.mean(terminadas))

    return {"motivo": motivo, "vio": lambda f: paquetes.vio(huellas, f), "traducir": traducir,
            "parametros": modelo.count_params(), "segundos": registro.get("segundos", float("nan")),
            "origen": origen(carpeta, registro, "pares_de_entrenamiento_usados", "calidad.evaluar_transformer")}


def origen(carpeta: Path, registro: dict, clave_pares: str, evaluado: str) -> str:
    """La celda «cómo se obtuvo»: el paquete, sus pares y épocas de entrenamiento, la máquina y cómo se evalúa."""
    pares = registro.get(clave_pares)
    pares = f"{miles(pares)} pares de entrenamiento, " if isinstance(pares, int) else ""
    return (f"paquete `{ruta_legible(carpeta)}`: {pares}"
            f"{epocas(registro.get('epocas'))}, mejor {registro.get('mejor_epoca', '?')}; "
            f"{registro.get('maquina', 'máquina sin anotar')}. Evaluado como `{evaluado}`")


def epocas(n) -> str:
    """``1 época``, ``42 épocas`` o ``? épocas``."""
    return "1 época" if n == 1 else f"{n if isinstance(n, int) else '?'} épocas"


# --- Informe y gráfico ------------------------------------------------------------------------------
def dibujar(tablas: dict[str, list[dict]], frases: int, ruta: Path) -> None:
    """chrF por tramo de longitud de la frase inglesa, una línea por modelo."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, eje = plt.subplots(figsize=(8, 4.5))
    primera = next(iter(tablas.values()))
    etiquetas = [f"{f['tramo']}\n({f['frases']} {'frase' if f['frases'] == 1 else 'frases'})" for f in primera]
    for (nombre, filas), marca in zip(tablas.items(), ("o-", "s--", "^:", "d-.")):
        eje.plot(range(len(filas)), [f["chrf"] for f in filas], marca, label=nombre)
    eje.set_xticks(range(len(etiquetas)), etiquetas, fontsize=8)
    eje.set_xlabel("longitud de la frase inglesa (caracteres)")
    eje.set_ylabel("chrF (todas las referencias)")
    eje.set_ylim(bottom=0)
    eje.grid(alpha=0.3)
    eje.legend()
    eje.set_title(f"Los modelos del curso con las mismas {frases} frases reservadas de Tatoeba")
    fig.tight_layout()
    ruta.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(ruta, dpi=100)
    plt.close(fig)


def informe(args, orden, corpus, huella_corpus, particion, reservadas, candidatas, textos, referencias, saltadas, quitadas,
            cifras, tablas, segundos_totales) -> str:
    """La tabla en Markdown, con la orden arriba."""
    import keras

    from utils import atencion

    limitadas = (f" De ellas se miden {len(textos)} (`--frases {args.frases}`), repartidas por toda la parte medida."
                 if args.frases is not None and len(textos) < candidatas - quitadas else "")
    lineas = [
        "# Todos los modelos del curso, con las mismas frases",
        "",
        f"- Orden: `{orden}`",
        f"- Fecha: {datetime.date.today().isoformat()}; {platform.machine()}, {os.cpu_count()} núcleos, "
        f"Keras {keras.__version__} ({keras.backend.backend()}); {duracion(segundos_totales)} en total; carga media "
        f"del sistema al terminar {os.getloadavg()[0]:.1f} (los milisegundos por frase dependen de ella).",
        f"- Datos: {ruta_legible(args.corpus)} (SHA-256 {huella_corpus[:12]}…, {miles(len(corpus.ingles))} pares), el "
        "archivo con el que se entrenaron los paquetes. Partición por frase inglesa de los paquetes (fracción "
        f"{particion['fraccion']}, semilla {particion['semilla']}): {miles(reservadas)} frases inglesas reservadas; sin "
        f"las frases de parada de los paquetes (decidieron cuándo parar), se miden {miles(candidatas)}.",
        f"- Frases comunes: {miles(candidatas - quitadas)} frases inglesas que leen los cuatro modelos, cada una con todas "
        f"sus referencias; se quitan {miles(quitadas)} que alguno no puede leer ({_texto_saltadas(saltadas)})."
        f"{limitadas} Total evaluado: "
        f"{miles(len(textos))} frases con {miles(sum(len(r) for r in referencias))} referencias.",
        "- Los cuatro son paquetes del curso: esta orden no entrena nada, solo traduce. Todos con su decodificación "
        "voraz por lotes (512 frases), tras un calentamiento; chrF y BLEU multirreferencia de `sacrebleu`; «exactas»: "
        "la salida es una de las referencias; «terminan»: la salida emitió el fin de frase antes del máximo de pasos. "
        "«entrenamiento»: el tiempo anotado por cada paquete (`entrenamiento.json` o `extra` de `metadatos.json`), "
        "cada uno en su máquina.",
        "",
        "| modelo | chrF | BLEU | exactas (%) | terminan (%) | parámetros | entrenamiento | ms por frase | cómo se obtuvo |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for nombre, c in cifras.items():
        lineas.append(f"| {nombre} | {c['chrf']:.1f} | {c['bleu']:.1f} | {c['exactas_pct']:.1f} | {c['terminan_pct']:.1f} "
                      f"| {miles(c['parametros'])} | {duracion(c['segundos_entrenamiento'])} | {c['ms_por_frase']:.2f} "
                      f"| {c['origen']} |")
    lineas += [
        "",
        "## chrF por longitud de la frase inglesa",
        "",
        atencion.tabla_por_longitud(tablas),
        "",
        f"![chrF por longitud de la frase]({os.path.relpath(args.grafico.resolve(), args.informe.resolve().parent)})"
        if _dentro(args.grafico) and _dentro(args.informe) else f"Gráfico: `{ruta_legible(args.grafico)}`.",
        "",
    ]
    return "\n".join(lineas)


def _dentro(ruta: Path) -> bool:
    return not ruta_legible(ruta).startswith("RUTA/A/")


def ejemplos(textos, referencias, salidas_por_modelo, n: int = 8) -> str:
    """Unas frases con la salida de cada modelo. Solo en la terminal: son frases del corpus (Tatoeba, CC-BY 2.0 FR),
    y el informe del repositorio no las copia."""
    nombres = list(salidas_por_modelo)
    lineas = ["Ejemplos:", "", "| inglés | referencias | " + " | ".join(nombres) + " |", "|---|---|" + "---|" * len(nombres)]
    for i in np.linspace(0, len(textos) - 1, min(n, len(textos))).round().astype(int):
        lineas.append(f"| {textos[i]} | {' / '.join(referencias[i])} | "
                      + " | ".join(salidas_por_modelo[m][i] for m in nombres) + " |")
    return "\n".join(lineas)


if __name__ == "__main__":
    main()

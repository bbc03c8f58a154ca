"""Todos los modelos del curso, uno al lado del otro, con las mismas frases reservadas de Tatoeba.

Uso, desde la raíz del repositorio (con el mismo ``fra.txt`` con el que se entrenaron los paquetes)::

    python benchmarks/comparar_modelos.py --corpus RUTA/A/fra.txt             # unos 35 min en 2 núcleos
    python benchmarks/comparar_modelos.py --corpus RUTA/A/fra.txt --frases 300   # menos frases que medir

1. Lee los paquetes del curso, el de caracteres (``datos/preentrenado``, cuadernos 04–07) y el
   Transformer (``datos/transformer``, cuaderno 10), y se niega a seguir si ``--corpus`` no es el
   archivo con el que se entrenaron (su SHA-256): la partición por frase inglesa solo vale en ese archivo.
2. Rehace esa partición (fracción 0,05 y semilla 42, las de los paquetes): las frases inglesas
   reservadas, sin las frases de parada de ningún paquete, son las que se miden (las de
   ``calidad.partir_reservados``).
3. Los modelos del curso que todavía no tienen paquete, el de palabras (cuaderno 08) y el de
   atención (cuaderno 09), se entrenan aquí con la receta «curso» de su lección, pero **solo con
   pares de la parte de entrenamiento** de esa partición: nunca ven las frases medidas. Se guardan
   en ``benchmarks/resultados/tmp/comparar_modelos/`` y se reutilizan mientras no cambien el
   archivo ni los ajustes (``--reentrenar`` obliga a entrenarlos otra vez). La receta de atención
   tarda una hora en 2 núcleos: por defecto se corta a los 20 minutos (``--minutos-atencion``) y la
   tabla dice cuántas épocas entrenó.
4. Se quedan las frases inglesas reservadas (con todas sus referencias) que **todos** los modelos
   pueden leer (cada uno tiene sus motivos para saltar una: caracteres desconocidos, demasiado
   larga…), y se cuentan las que se quitan y por qué.
5. Cada modelo las traduce con su decodificación voraz por lotes, tras un calentamiento, y se mide
   chrF, BLEU, salidas exactas, salidas que terminan, parámetros, tiempo de entrenamiento,
   milisegundos por frase y el chrF por tramo de longitud de la frase inglesa.

Escribe ``benchmarks/resultados/comparacion_modelos.md`` (con la orden arriba) e
``imagenes/comparacion_modelos.png`` (chrF por tramo de longitud, una línea por modelo), y termina
con una línea JSON con las cifras.
"""

from __future__ import annotations

import dataclasses
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
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_carpeta_escribible, comprobar_escribible, entero,
    ruta_legible, sha256,
)

DIR_TRABAJO = RAIZ / "benchmarks" / "resultados" / "tmp" / "comparar_modelos"
INFORME = RAIZ / "benchmarks" / "resultados" / "comparacion_modelos.md"
GRAFICO = RAIZ / "imagenes" / "comparacion_modelos.png"
PREENTRENADO = RAIZ / "datos" / "preentrenado"
TRANSFORMER = RAIZ / "datos" / "transformer"

# Las recetas «curso» de los cuadernos 08 y 09 (sus constantes y la configuración «curso» de utils.configuracion).
RECETA_PALABRAS = {"pares": 10_000, "vocabulario": 6_000, "max_tokens": 20, "embedding_dim": 256, "unidades": 256,
                   "capas": 3, "batch_size": 32, "tasa": 1e-3, "epocas": 50}
RECETA_ATENCION = {"pares": 20_000, "max_caracteres": 45, "epocas": 20}
MINUTOS_ATENCION = 20  # la receta completa tarda ~1 h en 2 núcleos: por defecto, como mucho 20 min

# Nombres de los modelos en la tabla y en el gráfico, en el orden del curso.
CARACTERES, PALABRAS, ATENCION, TRANSFORMADOR = ("LSTM de caracteres", "GRU de palabras", "LSTM de caracteres con atención",
                                                 "Transformer de subpalabras")
# Opciones cuyo valor es una ruta: en la orden que se escribe en el informe salen como en argumentos.ruta_legible.
OPCIONES_DE_RUTA = ("--corpus", "--preentrenado", "--transformer", "--trabajo", "--informe", "--grafico")


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` es inmediato)."""
    p = RECETA_PALABRAS
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True,
                        help="el fra.txt de Tatoeba con el que se entrenaron los paquetes (se comprueba su SHA-256)")
    parser.add_argument("--frases", type=entero(1), default=None,
                        help="como mucho estas frases inglesas, repartidas por toda la parte medida (medida rápida)")
    parser.add_argument("--preentrenado", type=Path, default=PREENTRENADO, help="paquete de caracteres (datos/preentrenado)")
    parser.add_argument("--transformer", type=Path, default=TRANSFORMER, help="paquete del Transformer (datos/transformer)")
    parser.add_argument("--pares-palabras", type=entero(1), default=p["pares"],
                        help=f"modelo de palabras: los N primeros pares de la parte de entrenamiento (cuaderno 08: {p['pares']})")
    parser.add_argument("--epocas-palabras", type=entero(1), default=p["epocas"],
                        help=f"modelo de palabras: épocas como mucho, con parada temprana (cuaderno 08: {p['epocas']})")
    parser.add_argument("--unidades-palabras", type=entero(1), default=p["unidades"],
                        help=f"modelo de palabras: unidades de cada GRU y tamaño del embedding (cuaderno 08: {p['unidades']})")
    parser.add_argument("--pares-atencion", type=entero(1), default=RECETA_ATENCION["pares"],
                        help="modelo con atención: pares al azar de la parte de entrenamiento "
                             f"(cuaderno 09: {RECETA_ATENCION['pares']})")
    parser.add_argument("--epocas-atencion", type=entero(1), default=RECETA_ATENCION["epocas"],
                        help=f"modelo con atención: épocas como mucho (cuaderno 09: {RECETA_ATENCION['epocas']})")
    parser.add_argument("--minutos-atencion", type=entero(0), default=MINUTOS_ATENCION,
                        help="modelo con atención: no empieza una época que acabaría después de estos minutos "
                             f"(por defecto {MINUTOS_ATENCION}; 0 = sin límite, ~1 h en 2 núcleos)")
    parser.add_argument("--latent-dim-atencion", type=entero(1), default=None,
                        help="modelo con atención: unidades de las LSTM (por defecto, las de la configuración «curso»: 384)")
    parser.add_argument("--reentrenar", action="store_true", help="entrena otra vez los modelos de palabras y de atención")
    parser.add_argument("--trabajo", type=Path, default=DIR_TRABAJO,
                        help="carpeta de los modelos entrenados aquí (por defecto benchmarks/resultados/tmp/comparar_modelos)")
    parser.add_argument("--informe", type=Path, default=INFORME, help="tabla en Markdown")
    parser.add_argument("--grafico", type=Path, default=GRAFICO, help="gráfico del chrF por tramo de longitud (PNG)")
    return parser


analizar_pronto(__name__, analizador)

import numpy as np  # noqa: E402


# --- Comprobaciones sin TensorFlow: los paquetes y el archivo -------------------------------------
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
    """Cómo se entrenó un paquete: ``entrenamiento.json`` (caracteres) o ``extra`` de ``metadatos.json`` (Transformer).

    Exige el SHA-256 del archivo y la partición: sin ellos no se sabe qué frases no vio el modelo.
    """
    if not carpeta.is_dir():
        raise SystemExit(f"error: {opcion}: {ruta_legible(carpeta)} no es una carpeta de un paquete del curso "
                         f"({'no existe' if not carpeta.exists() else 'es un archivo'}). Comprueba la ruta.")
    if (carpeta / "entrenamiento.json").is_file():
        registro = _leer_json(carpeta / "entrenamiento.json", opcion)
    elif (carpeta / "metadatos.json").is_file():
        registro = _leer_json(carpeta / "metadatos.json", opcion).get("extra") or {}
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
                         "se sabe qué frases no vio. Usa un paquete empaquetado por su orden de entrenamiento "
                         "(entrenar_preentrenado.py, entrenar_transformer.py).")
    return registro


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
    comprobar_carpeta_escribible(args.trabajo, "--trabajo")
    registros = {"--preentrenado": registro_del_paquete(args.preentrenado, "--preentrenado"),
                 "--transformer": registro_del_paquete(args.transformer, "--transformer")}
    huella_corpus = comprobar_corpus(args.corpus, registros)
    orden = orden_legible(sys.argv[1:] if argumentos is None else argumentos)
    return comparar(args, registros, huella_corpus, orden)


# --- A partir de aquí, TensorFlow ---------------------------------------------------------------
def comparar(args, registros: dict, huella_corpus: str, orden: str) -> dict:
    """Entrena lo que falta, elige las frases comunes, traduce, mide y escribe el informe y el gráfico."""
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

    # 1. Los paquetes (antes de entrenar nada: si no cargan, mejor saberlo ya) y los modelos sin paquete,
    #    entrenados aquí solo con pares de la parte de entrenamiento (o sacados de la caché).
    caracteres = traductor_caracteres(args.preentrenado)
    transformador = traductor_transformer(args.transformer, registros["--transformer"])
    traductores = {
        CARACTERES: caracteres,
        PALABRAS: entrenar_o_cargar_palabras(args, ingles, frances, entrenamiento, huella_corpus, particion),
        ATENCION: entrenar_o_cargar_atencion(args, ingles, frances, entrenamiento, huella_corpus, particion),
        TRANSFORMADOR: transformador,
    }

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
        tablas[nombre] = atencion.calidad_por_longitud(textos, salidas, referencias)
        cifras[nombre] = {
            "chrf": round(medida["chrf"], 2), "bleu": round(medida["bleu"], 2),
            "exactas_pct": round(medida["coincidencia_exacta"], 2), "terminan_pct": round(terminan, 2),
            "parametros": int(t["parametros"]), "segundos_entrenamiento": round(float(t["segundos"]), 1),
            "ms_por_frase": round(1000 * segundos / len(textos), 2), "origen": t["origen"],
            "frases": len(salidas), "huella_frases": huella_de_frases(textos),
            "saltadas": dict(saltadas[nombre]),
            "chrf_por_longitud": {f["tramo"]: round(f["chrf"], 2) for f in tablas[nombre]},
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
def _voraz_por_lotes(textos: list[str], traducir_lote, lote: int = 512) -> tuple[list[str], float]:
    """Traduce con ``traducir_lote(frases)`` de ``lote`` en ``lote``, tras dos lotes de calentamiento (2 y 3 frases:
    trazan el grafo para cualquier tamaño de lote), y devuelve las salidas y los segundos sin el calentamiento."""
    for n in (2, 3):
        traducir_lote(textos[:n])
    inicio = time.perf_counter()
    salidas: list[str] = []
    for i in range(0, len(textos), lote):
        salidas += traducir_lote(textos[i : i + lote])
    return salidas, time.perf_counter() - inicio


def traductor_caracteres(carpeta: Path) -> dict:
    """El paquete de caracteres: se lee y se traduce como en ``calidad.evaluar`` (``calidad.traducir_todas``)."""
    import calidad
    from utils.datos import huella, motivo_intraducible
    from utils.decodificacion import pasos_maximos

    modelo, vocab, _, entrenamiento, huellas = calidad.cargar_paquete(carpeta)

    def traducir(textos):
        salidas, segundos = calidad.traducir_todas(textos, modelo, vocab)
        return salidas, segundos, 100 * float(np.mean([len(s) < pasos_maximos(vocab) for s in salidas]))

    return {"motivo": lambda f: motivo_intraducible(f, vocab), "vio": lambda f: huellas is not None and huella(f) in huellas,
            "traducir": traducir, "parametros": modelo.count_params(), "segundos": entrenamiento.get("segundos", float("nan")),
            "origen": (f"paquete `{ruta_legible(carpeta)}`: {_pares(entrenamiento.get('entrenamiento'))}"
                       f"{epocas(entrenamiento.get('epocas'))}, mejor {entrenamiento.get('mejor_epoca', '?')}; "
                       f"{entrenamiento.get('maquina', 'máquina sin anotar')}. Evaluado como `calidad.evaluar`")}


def traductor_transformer(carpeta: Path, registro: dict) -> dict:
    """El paquete del Transformer: se lee y se traduce como en ``calidad.evaluar_transformer``."""
    import calidad
    from utils import paquetes
    from utils import transformer as T

    try:
        modelo, tokenizador, metadatos = paquetes.cargar_transformer(carpeta)
        huellas = paquetes.huellas_vistas(carpeta)
    except (OSError, ValueError) as error:
        raise SystemExit(f"error: --transformer: {error}") from None
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
            "origen": (f"paquete `{ruta_legible(carpeta)}`: {_pares(registro.get('pares_de_entrenamiento_usados'))}"
                       f"{epocas(registro.get('epocas'))}, mejor {registro.get('mejor_epoca', '?')}; "
                       f"{registro.get('maquina', 'máquina sin anotar')}. Evaluado como `calidad.evaluar_transformer`")}


def _pares(n) -> str:
    return f"{miles(n)} pares de entrenamiento, " if isinstance(n, int) else ""


def epocas(n) -> str:
    """``1 época``, ``42 épocas`` o ``? épocas``."""
    return "1 época" if n == 1 else f"{n if isinstance(n, int) else '?'} épocas"


def _cargar_de_la_cache(carpeta: Path, ajustes: dict, cargar, reentrenar: bool):
    """Lo que devuelve ``cargar(carpeta)`` si el paquete guardado se entrenó con ``ajustes``; si no, ``None``."""
    if reentrenar or not (carpeta / "metadatos.json").is_file():
        return None
    try:
        guardados = json.loads((carpeta / "metadatos.json").read_text(encoding="utf-8")).get("extra", {}).get("ajustes")
        if guardados != json.loads(json.dumps(ajustes)):
            print(f"{ruta_legible(carpeta)}: se entrenó con otros ajustes; se entrena de nuevo.", flush=True)
            return None
        return cargar(carpeta)
    except (OSError, ValueError) as error:
        print(f"{ruta_legible(carpeta)}: no se puede usar ({error}); se entrena de nuevo.", flush=True)
        return None


def limite_de_tiempo(minutos: int):
    """Un *callback* que para el entrenamiento antes de una época que, si dura como la última, acabaría después
    de ``minutos`` desde el principio (0: sin límite). Su atributo ``cortado`` dice si paró."""
    import keras

    class LimiteDeTiempo(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.inicio, self.cortado = time.perf_counter(), False

        def on_epoch_begin(self, epoch, logs=None):
            self.inicio_epoca = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            ahora = time.perf_counter()
            if minutos and ahora - self.inicio + (ahora - self.inicio_epoca) > 60 * minutos:
                self.model.stop_training, self.cortado = True, True

    return LimiteDeTiempo()


def entrenar_o_cargar_palabras(args, ingles, frances, entrenamiento, huella_corpus: str, particion: dict) -> dict:
    """El modelo de palabras del cuaderno 08 (receta «curso») con los primeros pares de la parte de entrenamiento."""
    import calidad
    from utils import palabras, paquetes
    from utils.configuracion import CONFIGURACIONES, fijar_semillas

    curso = CONFIGURACIONES["curso"]
    receta = {**RECETA_PALABRAS, "pares": args.pares_palabras, "epocas": args.epocas_palabras,
              "unidades": args.unidades_palabras, "embedding_dim": args.unidades_palabras, "paciencia": curso.paciencia,
              "clipnorm": curso.clipnorm, "fraccion_validacion": curso.fraccion_validacion, "semilla": curso.semilla}
    ajustes = {"corpus_sha256": huella_corpus, "particion": [particion["fraccion"], particion["semilla"]], **receta}
    carpeta = args.trabajo / "palabras"
    cargado = _cargar_de_la_cache(carpeta, ajustes, paquetes.cargar_modelo_palabras, args.reentrenar)
    if cargado is None:
        elegidos = entrenamiento[: receta["pares"]]  # los primeros pares del archivo, como el cuaderno 08, sin los reservados
        print(f"\n== {PALABRAS}: receta «curso» del cuaderno 08 con {len(elegidos)} pares de entrenamiento ==", flush=True)
        datos = palabras.preparar_palabras([ingles[i] for i in elegidos], [frances[i] for i in elegidos],
                                           receta["vocabulario"], receta["max_tokens"], receta["fraccion_validacion"],
                                           receta["semilla"])
        fijar_semillas(receta["semilla"])
        modelo = palabras.construir_modelo_palabras(datos.vocab.num_encoder_tokens, datos.vocab.num_decoder_tokens,
                                                    receta["embedding_dim"], receta["unidades"], receta["capas"])
        palabras.compilar_palabras(modelo, receta["tasa"], receta["clipnorm"])
        inicio = time.perf_counter()
        historial = palabras.entrenar_palabras(modelo, datos, receta["batch_size"], receta["epocas"], receta["paciencia"],
                                               receta["semilla"], verbose=True)
        extra = {"ajustes": ajustes, "num_pares": len(elegidos), "segundos": time.perf_counter() - inicio,
                 "epocas": len(historial["loss"]), "mejor_epoca": int(np.argmin(historial["val_loss"])) + 1,
                 "descartes": datos.descartes, "fecha": _fecha(), "maquina": _maquina()}
        paquetes.guardar_modelo_palabras(modelo, datos.vocab, carpeta, extra=extra)
        modelo, vocab, metadatos = paquetes.cargar_modelo_palabras(carpeta)
    else:
        modelo, vocab, metadatos = cargado
        print(f"{PALABRAS}: se reutiliza el que se entrenó antes ({ruta_legible(carpeta)}).", flush=True)
    extra = metadatos["extra"]
    r = extra["ajustes"]

    def traducir(textos):
        return calidad.traducir_todas_palabras(textos, modelo, vocab)  # salidas, segundos, % que terminan

    return {"motivo": lambda f: calidad.motivo_intraducible_palabras(f, vocab), "vio": lambda f: False,
            "traducir": traducir, "parametros": modelo.count_params(), "segundos": extra["segundos"],
            "origen": (f"entrenado por esta orden con la receta «curso» del cuaderno 08 ({r['capas']} GRU de {r['unidades']}, "
                       f"{miles(r['vocabulario'])} palabras, Adam {r['tasa']:g}, lotes de {r['batch_size']}) sobre los "
                       f"{miles(extra['num_pares'])} primeros pares de la parte de entrenamiento: {extra['epocas']} de "
                       f"{epocas(r['epocas'])} (parada temprana por la pérdida de validación, paciencia {r['paciencia']}; mejor "
                       f"{extra['mejor_epoca']}); {extra.get('maquina', '')}")}


def entrenar_o_cargar_atencion(args, ingles, frances, entrenamiento, huella_corpus: str, particion: dict) -> dict:
    """El modelo con atención del cuaderno 09 (receta «curso») con pares al azar de la parte de entrenamiento."""
    from utils import atencion, modelos, paquetes
    from utils.configuracion import CONFIGURACIONES
    from utils.datos import ID_RELLENO, DatosIds, agregar_tokens, crear_vocabulario, motivo_intraducible, vectorizar_ids
    from utils.decodificacion import pasos_maximos

    curso = CONFIGURACIONES["curso"]
    config = dataclasses.replace(curso, nombre="atencion", num_pares=args.pares_atencion, epocas=args.epocas_atencion,
                                 parada="perdida", latent_dim=args.latent_dim_atencion or curso.latent_dim)
    ajustes = {"corpus_sha256": huella_corpus, "particion": [particion["fraccion"], particion["semilla"]],
               "max_caracteres": RECETA_ATENCION["max_caracteres"], "minutos": args.minutos_atencion,
               **dataclasses.asdict(config)}
    carpeta = args.trabajo / "atencion"
    cargado = _cargar_de_la_cache(carpeta, ajustes, paquetes.cargar_modelo, args.reentrenar)
    if cargado is None:
        # atencion.muestra_de_pares, pero solo entre los pares de la parte de entrenamiento
        candidatos = [i for i in entrenamiento if len(ingles[i]) <= RECETA_ATENCION["max_caracteres"]]
        rng = np.random.default_rng(config.semilla)
        elegidos = np.sort(rng.choice(candidatos, size=min(config.num_pares, len(candidatos)), replace=False))
        input_texts = [ingles[i] for i in elegidos]
        target_texts = [agregar_tokens(frances[i]) for i in elegidos]
        vocab = crear_vocabulario(input_texts, target_texts)
        datos = DatosIds(input_texts, target_texts, vocab, *vectorizar_ids(input_texts, target_texts, vocab))
        print(f"\n== {ATENCION}: receta «curso» del cuaderno 09 con {len(elegidos)} pares de entrenamiento, "
              f"latent_dim {config.latent_dim}, hasta {config.epocas} épocas"
              f"{f' o {args.minutos_atencion} min' if args.minutos_atencion else ''} ==", flush=True)
        limite = limite_de_tiempo(args.minutos_atencion)
        inicio = time.perf_counter()
        modelo, historial = modelos.entrenar_modelo(datos, config, verbose=True, callbacks=[limite],
                                                    construir=atencion.construir_modelo_atencion)
        extra = {"ajustes": ajustes, "num_pares": len(elegidos), "segundos": time.perf_counter() - inicio,
                 "epocas": len(historial["loss"]), "mejor_epoca": modelos.mejor_epoca(historial),
                 "cortado_por_tiempo": bool(limite.cortado), "fecha": _fecha(), "maquina": _maquina()}
        paquetes.guardar_modelo(modelo, vocab, config, carpeta, extra=extra)
        modelo, vocab, _ = paquetes.cargar_modelo(carpeta)
    else:
        modelo, vocab, _ = cargado
        print(f"{ATENCION}: se reutiliza el que se entrenó antes ({ruta_legible(carpeta)}).", flush=True)
    extra = paquetes.leer_metadatos(carpeta)["extra"]
    inferencia = atencion.construir_modelos_inferencia_atencion(modelo)

    def traducir_lote(textos):
        ids = np.full((len(textos), max(len(t) for t in textos)), ID_RELLENO, dtype="int32")
        for fila, texto in enumerate(textos):
            ids[fila, : len(texto)] = [vocab.input_token_index[c] for c in texto]
        return atencion.decodificar_lote_atencion(ids, *inferencia, vocab)

    def traducir(textos):
        salidas, segundos = _voraz_por_lotes(textos, traducir_lote)
        return salidas, segundos, 100 * float(np.mean([len(s) < pasos_maximos(vocab) for s in salidas]))

    r = extra["ajustes"]
    corte = (f"cortado por el límite de {r['minutos']} min" if extra.get("cortado_por_tiempo")
             else "parada por la pérdida de validación" if extra["epocas"] < r["epocas"] else "todas las épocas")
    return {"motivo": lambda f: motivo_intraducible(f, vocab), "vio": lambda f: False, "traducir": traducir,
            "parametros": modelo.count_params(), "segundos": extra["segundos"], "epocas": extra["epocas"],
            "origen": (f"entrenado por esta orden con la receta «curso» del cuaderno 09 (LSTM de {r['latent_dim']} con "
                       f"atención de Luong, Adam {r['tasa_aprendizaje']:g}, lotes de {r['batch_size']}) sobre "
                       f"{miles(extra['num_pares'])} pares al azar de la parte de entrenamiento (inglés de "
                       f"{r['max_caracteres']} caracteres como mucho): **{extra['epocas']} de {epocas(r['epocas'])}** "
                       f"({corte}; mejor {extra['mejor_epoca']}); {extra.get('maquina', '')}")}


def _fecha() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _maquina() -> str:
    return f"{os.cpu_count()} núcleos de CPU ({platform.machine()})"


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

    motivos = "; ".join(f"{nombre}: " + ", ".join(f"{n} por {m}" for m, n in c.items())
                        for nombre, c in saltadas.items() if c) or "ninguna"
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
        f"sus referencias; se quitan {miles(quitadas)} que alguno no puede leer ({motivos}).{limitadas} Total evaluado: "
        f"{miles(len(textos))} frases con {miles(sum(len(r) for r in referencias))} referencias.",
        "- Todos traducen con su decodificación voraz por lotes (512 frases), tras un calentamiento; chrF y BLEU "
        "multirreferencia de `sacrebleu`; «exactas»: la salida es una de las referencias; «terminan»: la salida "
        "emitió el fin de frase antes del máximo de pasos. «entrenamiento»: el tiempo anotado por cada paquete "
        "(`entrenamiento.json` o `extra`) o medido aquí, cada uno en su máquina.",
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

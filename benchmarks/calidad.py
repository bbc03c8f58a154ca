"""Calidad de un modelo guardado, medida sobre frases que no vio: chrF, BLEU, salidas que terminan, exactas.

Evalúa cualquier paquete del curso (``.keras`` + ``metadatos.json``: el preentrenado de
``datos/preentrenado/``, el que guardó el cuaderno 04 en ``modelos/`` o uno de palabras del cuaderno 08,
que se reconoce por ``"tipo": "palabras"`` en ``metadatos.json``) con cualquier archivo de
formato Tatoeba (2 o 3 columnas):

1. agrupa las referencias por frase inglesa (Tatoeba traduce a veces una frase de varias maneras
   y todas cuentan: chrF y BLEU multirreferencia de ``sacrebleu``, coincidencia con cualquiera);
2. salta, contándolas, las frases que el modelo no puede leer (caracteres desconocidos, más largas
   que su codificador) y, si el paquete guarda las huellas de su entrenamiento, las que ya vio;
3. traduce las demás con la decodificación voraz por lotes (``decodificar_lote``, cuaderno 06);
4. informa de chrF, BLEU, el porcentaje de salidas que terminan con ``\\n``, el de coincidencias
   exactas y el tiempo por frase, y termina con **una línea JSON** con esas cifras.

Uso, desde la raíz del repositorio::

    python benchmarks/calidad.py                                   # preentrenado con el corpus de datos/
    python benchmarks/calidad.py --corpus RUTA/A/fra.txt --reservadas   # su partición reservada
    python benchmarks/calidad.py --modelo modelos/curso --corpus RUTA/A/fra.txt --reservadas
    python benchmarks/calidad.py --corpus RUTA/A/fra.txt --solo-vistas --frases 1000   # frases que sí vio

``--reservadas`` rehace la partición por frase inglesa con la que se entrenó el modelo (su semilla
y su fracción están en el paquete; si además guarda ``pares``, como ``datos/receta/``, solo con esos
primeros pares del archivo) y evalúa solo la parte reservada; exige el mismo archivo.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

RAIZ = Path(__file__).resolve().parent.parent
for _ruta in (RAIZ, RAIZ / "benchmarks"):
    if str(_ruta) not in sys.path:
        sys.path.insert(0, str(_ruta))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from argumentos import (  # noqa: E402
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_escribible, entero, ruta_legible, sha256,
)
from utils.configuracion import DIR_PREENTRENADO  # noqa: E402
from utils.datos import CORPUS_CURSO  # noqa: E402


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` es inmediato)."""
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modelo", type=Path, default=DIR_PREENTRENADO, help="carpeta del paquete (por defecto, datos/preentrenado)")
    parser.add_argument("--corpus", type=Path, default=CORPUS_CURSO, help="archivo de Tatoeba de 2 o 3 columnas")
    parser.add_argument("--reservadas", action="store_true", help="solo la parte reservada al entrenar (el mismo archivo)")
    parser.add_argument("--incluir-vistas", action="store_true", help="no saltar las frases que el modelo vio al entrenar")
    parser.add_argument("--solo-vistas", action="store_true",
                        help="solo las frases que vio al entrenar: cuántas se aprendió (con --frases, repartidas)")
    parser.add_argument("--frases", type=entero(1), default=None, help="como mucho estas frases inglesas (en orden)")
    parser.add_argument("--informe", type=Path, default=None, help="escribe también la tabla en este archivo Markdown")
    return parser


analizar_pronto(__name__, analizador)

import numpy as np  # noqa: E402

from utils import modelos, palabras, paquetes  # noqa: E402
from utils.datos import Vocabulario, frase_a_encoder_input, huella, leer_pares, motivo_intraducible  # noqa: E402
from utils.decodificacion import decodificar_lote, pasos_maximos  # noqa: E402
from utils.evaluacion import agrupar_referencias, evaluar_multirreferencia  # noqa: E402
from utils.paquetes import tipo_de_paquete  # noqa: E402  (sigue siendo también calidad.tipo_de_paquete)

LOTE = 512  # frases por llamada al decodificar


def cargar_paquete(carpeta: Path) -> tuple:
    """(modelo, vocab, configuración, entrenamiento o {}, huellas vistas o None) de un paquete del curso."""
    modelo, vocab, configuracion = paquetes.cargar_modelo(carpeta)
    entrenamiento, huellas = {}, None
    try:
        if (carpeta / paquetes.ARCHIVO_ENTRENAMIENTO).is_file():
            entrenamiento = json.loads((carpeta / paquetes.ARCHIVO_ENTRENAMIENTO).read_text(encoding="utf-8"))
            modelos.comprobar_entrenamiento(entrenamiento)
        vistas = paquetes.huellas_vistas(carpeta)
        huellas = None if vistas is None else set(vistas.tolist())
    except (OSError, ValueError, EOFError) as error:
        raise SystemExit(f"error: el paquete {ruta_legible(carpeta)} está dañado: {error}. {paquetes.PISTA_REENTRENAR}") from None
    return modelo, vocab, configuracion, entrenamiento, huellas


def seleccionar(ingles: list[str], frances: list[str], motivo: Callable[[str], str | None],
                vista: Callable[[str], bool] | None, frases: int | None, solo_vistas: bool = False):
    """Frases inglesas que se evalúan (con todas sus referencias) y las saltadas, contadas por motivo.

    ``motivo(frase)`` dice por qué el modelo no puede leer una frase (``None`` si puede) y ``vista(frase)``
    si la vio al entrenar (``None``: no se sabe o no se salta). Con ``solo_vistas``, al revés: solo las que
    vio (cuánto se aprendió sus frases) y, si son más que ``frases``, repartidas por todo el archivo.
    """
    if solo_vistas and vista is None:
        raise SystemExit("error: --solo-vistas necesita un paquete con las huellas de su entrenamiento (frases_vistas.npy).")
    saltadas: Counter = Counter()
    elegidas: dict[str, list[str]] = {}
    for frase, referencias in agrupar_referencias(ingles, frances).items():
        razon = motivo(frase)
        vio = vista is not None and vista(frase)
        if razon is None and solo_vistas and not vio:
            razon = "no vistas al entrenar"
        elif razon is None and not solo_vistas and vio:
            razon = "vistas al entrenar"
        if razon:
            saltadas[razon] += 1
        elif solo_vistas or frases is None or len(elegidas) < frases:
            elegidas[frase] = referencias
    if solo_vistas and frases is not None and len(elegidas) > frases:
        claves = list(elegidas)
        elegidas = {claves[i]: elegidas[claves[i]] for i in np.linspace(0, len(claves) - 1, frases).astype(int)}
    return elegidas, saltadas


def traducir_todas(frases: list[str], modelo, vocab: Vocabulario) -> tuple[list[str], float]:
    """Traducciones voraces de todas las frases, por lotes, y los segundos que costaron (sin la preparación)."""
    encoder_model, decoder_model = modelos.construir_modelos_inferencia(modelo)
    entradas = np.concatenate([frase_a_encoder_input(f, vocab) for f in frases])
    for n in (2, 3):  # calentamiento: traza el grafo y lo vuelve a trazar para cualquier tamaño de lote
        decodificar_lote(entradas[:n], encoder_model, decoder_model, vocab)
    inicio = time.perf_counter()
    salidas: list[str] = []
    for i in range(0, len(frases), LOTE):
        salidas += decodificar_lote(entradas[i : i + LOTE], encoder_model, decoder_model, vocab)
    return salidas, time.perf_counter() - inicio


def partir_reservados(ingles: list[str], particion: dict) -> tuple[np.ndarray, np.ndarray]:
    """(pares reservados que se miden, pares de parada) de una partición guardada en ``entrenamiento.json``.

    La parte reservada son las frases inglesas que el modelo no vio (``indices_de_validacion`` con la
    fracción y la semilla de la partición). Si la partición tiene ``parada``, una fracción de esas frases
    decidió cuándo parar (su chrF, como en el cuaderno 04): esas no se miden.
    """
    _, reservados = modelos.indices_de_validacion(ingles, particion["fraccion"], particion["semilla"])
    if not particion.get("parada"):
        return reservados, reservados[:0]
    medir, parar = modelos.indices_de_validacion([ingles[i] for i in reservados], particion["parada"]["fraccion"],
                                                 particion["semilla"])
    return reservados[medir], reservados[parar]


def evaluar(carpeta: Path, corpus: Path, reservadas: bool = False, excluir_vistas: bool = True,
            frases: int | None = None, solo_vistas: bool = False) -> dict:
    """Evalúa el paquete de ``carpeta`` con ``corpus``; devuelve las cifras, los ejemplos y lo saltado."""
    modelo, vocab, configuracion, entrenamiento, huellas = cargar_paquete(carpeta)
    leidos = leer_pares(corpus, mostrar_resumen=False)
    ingles, frances = leidos.ingles, leidos.frances
    descripcion = f"{ruta_legible(corpus)} ({len(ingles)} pares)"
    if reservadas:
        particion = entrenamiento.get("particion") or {
            "fraccion": configuracion.get("fraccion_validacion"), "semilla": configuracion.get("semilla")}
        if entrenamiento.get("corpus_sha256") and entrenamiento["corpus_sha256"] != sha256(corpus):
            raise SystemExit(
                f"--reservadas necesita el mismo archivo con el que se entrenó el modelo "
                f"({entrenamiento.get('corpus', '?')}, SHA-256 {entrenamiento['corpus_sha256'][:12]}…), y "
                f"{corpus.name} es otro. Quita --reservadas para evaluar con todo el archivo."
            )
        if particion.get("pares"):  # entrenado con los primeros pares del archivo (datos/receta/, cuaderno 04)
            ingles, frances = ingles[: particion["pares"]], frances[: particion["pares"]]
            descripcion += f"; sus primeros {len(ingles)} pares, los que leyó el entrenamiento"
        reservados, parada = partir_reservados(ingles, particion)
        ingles, frances = [ingles[i] for i in reservados], [frances[i] for i in reservados]
        descripcion += f"; solo la parte reservada al entrenar ({len(ingles)} pares, fracción {particion['fraccion']}, semilla {particion['semilla']})"
        if len(parada):
            descripcion += (f", sin sus {len(parada)} pares de parada (fracción {particion['parada']['fraccion']} de la parte "
                            "reservada: decidieron cuándo parar y no se miden)")
    vista = (lambda frase: huella(frase) in huellas) if huellas is not None and (excluir_vistas or solo_vistas) else None
    elegidas, saltadas = seleccionar(ingles, frances, lambda frase: motivo_intraducible(frase, vocab), vista, frases,
                                     solo_vistas)
    if not elegidas:
        raise SystemExit(f"no queda ninguna frase que evaluar en {corpus.name}: saltadas {dict(saltadas)}.")
    textos = list(elegidas)
    referencias = [elegidas[t] for t in textos]
    salidas, segundos = traducir_todas(textos, modelo, vocab)
    medidas = evaluar_multirreferencia(salidas, referencias)
    limite = pasos_maximos(vocab)
    cifras = {
        "modelo": ruta_legible(carpeta),
        "corpus": ruta_legible(corpus),
        "frases": len(textos),
        "referencias": sum(len(r) for r in referencias),
        "saltadas": dict(saltadas),
        "chrf": round(medidas["chrf"], 2),
        "bleu": round(medidas["bleu"], 2),
        "terminan_pct": round(100 * float(np.mean([len(s) < limite for s in salidas])), 2),
        "exactas_pct": round(medidas["coincidencia_exacta"], 2),
        "ms_por_frase": round(1000 * segundos / len(textos), 2),
    }
    ejemplos = list(zip(textos, referencias, salidas))
    return {"cifras": cifras, "descripcion": descripcion, "ejemplos": ejemplos, "vocab": vocab}


def solo_las_reservadas(ingles: list[str], frances: list[str], extra: dict, corpus: Path,
                        descripcion: str) -> tuple[list[str], list[str], str]:
    """Los pares de la parte reservada de un paquete de palabras o Transformer (``extra.particion``), sin los de parada.

    Exige la partición guardada y, si el paquete guarda la suma del archivo, el mismo archivo; si no, un error que
    dice qué hacer. Devuelve los pares que se miden y la descripción de los datos, completada.
    """
    particion = extra.get("particion")
    if not isinstance(particion, dict):
        raise SystemExit("error: --reservadas necesita la partición guardada en el paquete (extra.particion): quítalo.")
    if extra.get("corpus_sha256") and extra["corpus_sha256"] != sha256(corpus):
        raise SystemExit(f"error: --reservadas necesita el mismo archivo con el que se entrenó el modelo "
                         f"({extra.get('corpus', '?')}), y {corpus.name} es otro. Quita --reservadas.")
    reservados, parada = partir_reservados(ingles, particion)
    ingles, frances = [ingles[i] for i in reservados], [frances[i] for i in reservados]
    descripcion += (f"; solo la parte reservada al entrenar ({len(ingles)} pares, fracción {particion['fraccion']}, "
                    f"semilla {particion['semilla']})" + (f", sin sus {len(parada)} pares de parada" if len(parada) else ""))
    return ingles, frances, descripcion


# --- Modelos de palabras (cuaderno 08) -----------------------------------------------------------
def es_paquete_de_palabras(carpeta: Path) -> bool:
    """``True`` si ``metadatos.json`` del paquete dice ``"tipo": "palabras"`` (``paquetes.tipo_de_paquete``)."""
    return tipo_de_paquete(carpeta) == paquetes.TIPO_PALABRAS


def traducir_todas_palabras(frases: list[str], modelo, vocab) -> tuple[list[str], float, float]:
    """Traducciones voraces por lotes de un modelo de palabras (con o sin atención), sus segundos y el % que terminan."""
    from utils.atencion import traducir_ids_palabras

    traducir_ids_palabras(modelo, vocab, frases[:3])  # calentamiento, como en traducir_todas
    terminadas: list[bool] = []
    inicio = time.perf_counter()
    salidas = traducir_ids_palabras(modelo, vocab, frases, lote=LOTE, terminadas=terminadas)
    return salidas, time.perf_counter() - inicio, 100 * float(np.mean(terminadas))


def motivo_intraducible_palabras(frase: str, vocab) -> str | None:
    """Por qué el modelo de palabras no puede leer ``frase`` (``None`` si puede; las desconocidas son ``unk``)."""
    tokens = palabras.tokenizar(palabras.normalizar(frase), "inglés")
    if len(tokens) > vocab.max_tokens_en:
        return f"más de {vocab.max_tokens_en} tokens"
    if not any(t in vocab.word2index_en for t in tokens):
        return "ninguna palabra conocida"
    return None


def evaluar_palabras(carpeta: Path, corpus: Path, reservadas: bool = False, excluir_vistas: bool = True,
                     frases: int | None = None) -> dict:
    """Como ``evaluar``, para un paquete de palabras (cuaderno 08) o de palabras con atención (cuaderno 09).

    Con ``reservadas``, rehace la partición guardada en ``extra`` al entrenar y evalúa solo la parte
    reservada, sin sus frases de parada si las tuvo (las mismas frases que los demás modelos del curso).
    Las palabras desconocidas no saltan la frase: se leen como ``unk``. ``excluir_vistas`` no se usa
    (estos paquetes no guardan huellas): con ``reservadas`` ya solo se evalúan frases que el modelo no vio.
    """
    from utils.atencion import traducir_ids_palabras

    modelo, vocab, metadatos = paquetes.cargar_modelo_palabras(carpeta)
    extra = metadatos.get("extra", {})
    leidos = leer_pares(corpus, num_pares=extra.get("num_pares") if reservadas else None, mostrar_resumen=False)
    ingles, frances = leidos.ingles, leidos.frances
    descripcion = f"{ruta_legible(corpus)} ({len(ingles)} pares)"
    if reservadas:
        ingles, frances, descripcion = solo_las_reservadas(ingles, frances, extra, corpus, descripcion)
    elegidas, saltadas = seleccionar(ingles, frances, lambda frase: motivo_intraducible_palabras(frase, vocab), None, frases)
    if not elegidas:
        raise SystemExit(f"error: no queda ninguna frase que evaluar en {corpus.name}: saltadas {dict(saltadas)}.")
    textos = list(elegidas)
    traducir_ids_palabras(modelo, vocab, textos[:3])  # calentamiento: traza el grafo
    terminadas: list[bool] = []
    inicio = time.perf_counter()
    salidas = traducir_ids_palabras(modelo, vocab, textos, lote=LOTE, terminadas=terminadas)
    segundos = time.perf_counter() - inicio
    medidas = evaluar_multirreferencia(salidas, [elegidas[t] for t in textos])
    cifras = {
        "modelo": ruta_legible(carpeta), "corpus": ruta_legible(corpus), "frases": len(textos),
        "referencias": sum(len(r) for r in elegidas.values()), "saltadas": dict(saltadas),
        "chrf": round(medidas["chrf"], 2), "bleu": round(medidas["bleu"], 2),
        "terminan_pct": round(100 * float(np.mean(terminadas)), 2),
        "exactas_pct": round(medidas["coincidencia_exacta"], 2), "ms_por_frase": round(1000 * segundos / len(textos), 2),
    }
    ejemplos = [(t, elegidas[t], s) for t, s in zip(textos, salidas)]
    return {"cifras": cifras, "descripcion": descripcion, "ejemplos": ejemplos, "vocab": vocab}


def informe_markdown(resultado: dict, orden: str) -> str:
    """Tabla de cifras y unos ejemplos, en Markdown."""
    c = resultado["cifras"]
    saltadas = ", ".join(f"{n} por {motivo}" for motivo, n in c["saltadas"].items()) or "ninguna"
    lineas = [
        f"- Orden: `{orden}`",
        f"- Datos: {resultado['descripcion']}",
        f"- Frases inglesas evaluadas: {c['frases']} (con {c['referencias']} referencias en total); saltadas: {saltadas}.",
        "",
        "| chrF | BLEU | terminan (%) | exactas (%) | ms por frase |",
        "|---:|---:|---:|---:|---:|",
        f"| {c['chrf']:.1f} | {c['bleu']:.1f} | {c['terminan_pct']:.1f} | {c['exactas_pct']:.1f} | {c['ms_por_frase']:.2f} |",
        "",
        "| inglés | referencias | salida voraz |",
        "|---|---|---|",
    ]
    paso = max(1, len(resultado["ejemplos"]) // 12)
    for ingles, referencias, salida in resultado["ejemplos"][::paso][:12]:
        lineas.append(f"| {ingles} | {' / '.join(referencias)} | {salida} |")
    return "\n".join(lineas)


def _evaluar_caracteres(args) -> dict:
    return evaluar(args.modelo, args.corpus, args.reservadas, not args.incluir_vistas, args.frases, args.solo_vistas)


def _evaluar_palabras(args) -> dict:
    if args.solo_vistas:
        raise SystemExit("error: --solo-vistas necesita las huellas de las frases de entrenamiento, y los paquetes de "
                         "palabras no las guardan.")
    return evaluar_palabras(args.modelo, args.corpus, args.reservadas, not args.incluir_vistas, args.frases)


# --- Transformer sobre subpalabras (cuaderno 10) -----------------------------------------------
def evaluar_transformer(carpeta: Path, corpus: Path, reservadas: bool = False, excluir_vistas: bool = True,
                        frases: int | None = None, solo_vistas: bool = False) -> dict:
    """Como ``evaluar``, para un paquete del Transformer: las mismas cifras, ejemplos y saltadas.

    Las frases que el tokenizador no sabe escribir o de más de 64 subpalabras se saltan, contadas; las
    vistas al entrenar (``frases_vistas.npy``) también, salvo con ``solo_vistas``, que mide solo esas.
    """
    from utils import transformer as T

    modelo, tokenizador, metadatos = paquetes.cargar_transformer(carpeta)
    extra, huellas = metadatos.get("extra", {}), paquetes.huellas_vistas(carpeta)
    leidos = leer_pares(corpus, mostrar_resumen=False)
    ingles, frances = leidos.ingles, leidos.frances
    descripcion = f"{ruta_legible(corpus)} ({len(ingles)} pares)"
    if reservadas:
        ingles, frances, descripcion = solo_las_reservadas(ingles, frances, extra, corpus, descripcion)
    max_tokens = extra.get("max_tokens", 64)

    def motivo(frase: str) -> str | None:
        if tokenizador.desconocidos(frase):
            return "caracteres desconocidos"
        return f"más de {max_tokens} subpalabras" if len(tokenizador.codificar(frase)) > max_tokens else None

    vista = (lambda frase: paquetes.vio(huellas, frase)) if huellas is not None and (excluir_vistas or solo_vistas) else None
    elegidas, saltadas = seleccionar(ingles, frances, motivo, vista, frases, solo_vistas)
    if not elegidas:
        raise SystemExit(f"error: no queda ninguna frase que evaluar en {corpus.name}: saltadas {dict(saltadas)}.")
    textos = list(elegidas)
    inferencia = T.construir_modelos_inferencia_transformer(modelo)
    T.traducir_ids(modelo, tokenizador, textos[:3], modelos_inferencia=inferencia)  # calentamiento: traza el grafo
    terminadas: list[bool] = []
    inicio = time.perf_counter()
    salidas = T.traducir_ids(modelo, tokenizador, textos, lote=LOTE, modelos_inferencia=inferencia, terminadas=terminadas)
    segundos = time.perf_counter() - inicio
    medidas = evaluar_multirreferencia(salidas, [elegidas[t] for t in textos])
    cifras = {
        "modelo": ruta_legible(carpeta), "corpus": ruta_legible(corpus), "frases": len(textos),
        "referencias": sum(len(r) for r in elegidas.values()), "saltadas": dict(saltadas),
        "chrf": round(medidas["chrf"], 2), "bleu": round(medidas["bleu"], 2),
        "terminan_pct": round(100 * float(np.mean(terminadas)), 2),
        "exactas_pct": round(medidas["coincidencia_exacta"], 2), "ms_por_frase": round(1000 * segundos / len(textos), 2),
    }
    return {"cifras": cifras, "descripcion": descripcion, "ejemplos": [(t, elegidas[t], s) for t, s in zip(textos, salidas)],
            "vocab": tokenizador}


def _evaluar_transformer(args) -> dict:
    return evaluar_transformer(args.modelo, args.corpus, args.reservadas, not args.incluir_vistas, args.frases,
                               args.solo_vistas)


# Cómo se evalúa cada tipo de paquete (``"tipo"`` en metadatos.json): una entrada por tipo.
# Cada función recibe los argumentos de la orden y devuelve lo mismo que ``evaluar``.
EVALUADORES: dict[str, Callable] = {paquetes.TIPO_CARACTERES: _evaluar_caracteres, paquetes.TIPO_PALABRAS: _evaluar_palabras,
                                    paquetes.TIPO_TRANSFORMER: _evaluar_transformer}


def main(argumentos: list[str] | None = None) -> dict:
    args = analizador().parse_args(argumentos)
    if not args.modelo.is_dir():
        raise SystemExit(f"error: --modelo: {ruta_legible(args.modelo)} no es una carpeta de un paquete del curso "
                         f"({'no existe' if not args.modelo.exists() else 'es un archivo'}). Comprueba la ruta.")
    comprobar_archivo_de_entrada(args.corpus, "--corpus")
    if args.informe is not None:
        comprobar_escribible(args.informe, "--informe")  # antes de la evaluación, que tarda
    if args.solo_vistas and args.reservadas:
        raise SystemExit("error: --solo-vistas y --reservadas se excluyen: la parte reservada no tiene frases vistas.")
    orden = " ".join(["python benchmarks/calidad.py", f"--modelo {ruta_legible(args.modelo)}",
                      f"--corpus {ruta_legible(args.corpus)}", *(["--reservadas"] if args.reservadas else []),
                      *(["--incluir-vistas"] if args.incluir_vistas else []),
                      *(["--solo-vistas"] if args.solo_vistas else []),
                      *([f"--frases {args.frases}"] if args.frases else [])])
    tipo = tipo_de_paquete(args.modelo)
    if tipo not in EVALUADORES:
        raise SystemExit(f"error: --modelo: el paquete es de tipo {tipo!r} y calidad.py sabe evaluar {sorted(EVALUADORES)}.")
    try:
        resultado = EVALUADORES[tipo](args)
    except (ValueError, FileNotFoundError, PermissionError) as error:  # paquete o corpus que no se pueden usar
        raise SystemExit(f"error: {error}") from None
    texto = informe_markdown(resultado, orden)
    print(texto)
    if args.informe:
        args.informe.parent.mkdir(parents=True, exist_ok=True)
        args.informe.write_text(f"# Calidad de {ruta_legible(args.modelo)}\n\n{texto}\n", encoding="utf-8")
    print(json.dumps(resultado["cifras"], ensure_ascii=False))
    return resultado["cifras"]


if __name__ == "__main__":
    main()

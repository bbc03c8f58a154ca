"""Entrena el Transformer que trae el curso (``datos/transformer/``) a partir de cualquier ``fra.txt``.

Es el modelo del cuaderno 10 a mayor escala: subpalabras BPE compartidas (SentencePiece), *embedding*
compartido, bloques pre-LN, Adam con calentamiento y coseno, suavizado de etiquetas, y la parada del
cuaderno 04 (el chrF voraz de las frases de parada). Usa la misma partición por frase inglesa que el
preentrenado de caracteres (fracción 0,05, semilla 42; un 30 % de las reservadas son frases de parada),
así que ``calidad.py --reservadas`` mide todos los modelos del curso con las mismas frases, que nunca
decidieron nada. Deja el paquete del curso en la carpeta de salida (pesos en float16, sin optimizador)
con ``entrenamiento.json`` (archivo y SHA-256, partición, historia, tiempos, máquina), su curva en
``imagenes/transformer_curva.png`` y su tabla de calidad en ``benchmarks/resultados/calidad_transformer.md``.

Uso, desde la raíz del repositorio (alrededor de una hora y media en una CPU de 2 núcleos)::

    python benchmarks/entrenar_transformer.py --corpus RUTA/A/fra.txt

Cada época se guarda, de forma atómica, en ``benchmarks/resultados/tmp/transformer/``: si se corta,
``--reanudar`` sigue donde se quedó (y se niega, diciendo qué cambió, si las opciones no son las mismas).
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
for _ruta in (RAIZ, RAIZ / "benchmarks"):
    if str(_ruta) not in sys.path:
        sys.path.insert(0, str(_ruta))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from argumentos import (  # noqa: E402
    Analizador, comprobar_archivo_de_entrada, comprobar_carpeta_escribible, comprobar_escribible, entero,
    dibujar_curva_de_entrenamiento, fraccion, guardar_cada_epoca, leer_historia_para_reanudar, numero,
)

DIR_TRABAJO = RAIZ / "benchmarks" / "resultados" / "tmp" / "transformer"
# Opciones que deben coincidir para reanudar (las demás, como --salida, pueden cambiar).
OPCIONES_DEL_ENTRENAMIENTO = ("corpus_sha256", "tamano_vocabulario", "d_model", "cabezas", "d_ff", "capas", "dropout",
                              "suavizado", "tasa", "calentamiento", "programa", "batch_size", "epocas", "max_tokens",
                              "fraccion_reservada", "fraccion_parada", "semilla")


def opciones() -> Analizador:
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="fra.txt de Tatoeba (2 o 3 columnas)")
    parser.add_argument("--salida", type=Path, default=RAIZ / "datos" / "transformer")
    parser.add_argument("--tamano-vocabulario", type=entero(16), default=8000, help="subpalabras del vocabulario compartido")
    parser.add_argument("--d-model", type=entero(2), default=256)
    parser.add_argument("--cabezas", type=entero(1), default=4)
    parser.add_argument("--d-ff", type=entero(1), default=1024)
    parser.add_argument("--capas", type=entero(1), default=3, help="bloques del codificador (y los mismos del decodificador)")
    parser.add_argument("--dropout", type=numero(0.0, 0.9), default=0.2)
    parser.add_argument("--suavizado", type=numero(0.0, 0.9), default=0.1, help="suavizado de etiquetas ε")
    parser.add_argument("--tasa", type=numero(0.0, 1.0, abierto=True), default=1e-3,
                        help="tasa máxima de Adam, tras el calentamiento")
    parser.add_argument("--calentamiento", type=entero(0), default=1000, help="pasos de subida lineal de la tasa")
    parser.add_argument("--programa", choices=("coseno", "constante"), default="coseno",
                        help="tasa con calentamiento y coseno, o constante (para compararlas)")
    parser.add_argument("--batch-size", type=entero(1), default=64)
    parser.add_argument("--epocas", type=entero(1), default=16, help="épocas del coseno (como mucho)")
    parser.add_argument("--paciencia", type=entero(1), default=4, help="épocas sin mejorar el chrF de parada antes de parar")
    parser.add_argument("--max-tokens", type=entero(4), default=64, help="subpalabras por frase, como mucho")
    parser.add_argument("--fraccion-reservada", type=fraccion, default=0.05)
    parser.add_argument("--fraccion-parada", type=fraccion, default=0.3)
    parser.add_argument("--semilla", type=entero(0), default=42)
    parser.add_argument("--reanudar", action="store_true", help="seguir desde la última época guardada")
    parser.add_argument("--empaquetar", action="store_true", help="no entrenar: empaquetar los mejores pesos guardados")
    parser.add_argument("--trabajo", type=Path, default=DIR_TRABAJO)
    parser.add_argument("--curva", type=Path, default=RAIZ / "imagenes" / "transformer_curva.png")
    parser.add_argument("--informe", type=Path, default=RAIZ / "benchmarks" / "resultados" / "calidad_transformer.md")
    return parser



def main(argumentos: list[str] | None = None) -> dict:
    """Entrena (o reanuda, o empaqueta), guarda el paquete y devuelve las cifras de ``calidad.py --reservadas``."""
    args = opciones().parse_args(argumentos)
    comprobar_archivo_de_entrada(args.corpus, "--corpus")
    if args.reanudar and args.empaquetar:
        raise SystemExit("error: --reanudar y --empaquetar se excluyen: --empaquetar no entrena.")
    if args.d_model % args.cabezas:
        raise SystemExit(f"error: --d-model ({args.d_model}) debe ser múltiplo de --cabezas ({args.cabezas}).")
    # Antes de una hora de trabajo: que se podrá escribir todo lo que se escribe al final.
    comprobar_carpeta_escribible(args.trabajo, "--trabajo")
    comprobar_carpeta_escribible(args.salida, "--salida")
    comprobar_escribible(args.curva, "--curva")
    comprobar_escribible(args.informe, "--informe")

    import keras
    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import calidad
    from utils import modelos, paquetes
    from utils import transformer as T
    from utils.configuracion import fijar_semillas
    from utils.datos import leer_pares

    fijar_semillas(args.semilla)
    corpus = leer_pares(args.corpus, mostrar_resumen=False)
    ajustes = {"corpus_sha256": calidad.sha256(args.corpus), **{k: getattr(args, k) for k in OPCIONES_DEL_ENTRENAMIENTO[1:]}}

    args.trabajo.mkdir(parents=True, exist_ok=True)
    ruta_historia, ruta_ultimo = args.trabajo / "historia.json", args.trabajo / "ultimo.keras"
    historia: dict = {}
    if args.reanudar or args.empaquetar:
        historia = leer_historia_para_reanudar(ruta_historia, ajustes, OPCIONES_DEL_ENTRENAMIENTO)

    # La partición de los demás modelos del curso; el tokenizador aprende solo de los pares de entrenamiento.
    inicio_datos = time.perf_counter()
    datos = T.DatosTransformer(corpus.ingles, corpus.frances, args.tamano_vocabulario, args.max_tokens,
                               args.fraccion_reservada, args.fraccion_parada, args.semilla)
    tokenizador, ids, ids_parada = datos.tokenizador, datos.ids, datos.ids_parada
    segundos_tokenizador = time.perf_counter() - inicio_datos
    print(f"{len(ids[3])} pares de entrenamiento (de {len(datos.entrenamiento)}), {len(datos.reservados)} reservados "
          f"({len(datos.frases_parada)} frases inglesas de parada, que no se miden); vocabulario de {tokenizador.tamano} "
          f"subpalabras ({segundos_tokenizador:.1f} s con la tokenización)", flush=True)

    lotes = modelos.LotesPorLongitud(*ids[:3], batch_size=args.batch_size, semilla=args.semilla, barajar=True,
                                     recortar_codificador=True, relleno=T.ID_RELLENO)
    lotes_parada = modelos.LotesPorLongitud(*ids_parada[:3], batch_size=256, barajar=False, recortar_codificador=True,
                                            relleno=T.ID_RELLENO)
    tamanos = dict(num_tokens=tokenizador.tamano, d_model=args.d_model, num_cabezas=args.cabezas, d_ff=args.d_ff,
                   capas_codificador=args.capas, capas_decodificador=args.capas, dropout=args.dropout,
                   max_posiciones=2 * args.max_tokens + 16)
    if (args.reanudar or args.empaquetar) and ruta_ultimo.is_file():
        try:
            modelo = keras.saving.load_model(ruta_ultimo, safe_mode=True)
        except Exception as error:  # noqa: BLE001 - un punto de control cortado da errores de h5py, zip o Keras
            raise SystemExit(f"no se puede reanudar: {ruta_ultimo.name} está dañado ({type(error).__name__}). "
                             "Empieza de cero sin --reanudar.") from None
        print(f"Se reanuda tras la época {len(historia.get('loss', []))}.", flush=True)
    else:
        historia = {}
        modelo = T.construir_transformer(**tamanos)
        pasos = args.epocas * len(lotes)
        tasa = T.tasa_con_calentamiento(args.tasa, args.calentamiento, pasos) if args.programa == "coseno" else args.tasa
        T.compilar_transformer(modelo, tasa, args.suavizado)
    print(f"{modelo.count_params():,} parámetros".replace(",", " "), flush=True)

    parada = modelos.ParadaPorChrF(datos.frases_parada, datos.referencias_parada, None, args.paciencia,
                                   traducir=lambda m, frases: T.traducir_ids(m, tokenizador, frases))

    inicio = time.perf_counter()
    segundos_previos = sum(historia.get("segundos", []))
    if not args.empaquetar and len(historia.get("loss", [])) < args.epocas:
        modelo.fit(lotes, validation_data=lotes_parada, epochs=args.epocas, initial_epoch=len(historia.get("loss", [])),
                   verbose=0,
                   callbacks=[guardar_cada_epoca(historia, ajustes, args.trabajo, args.paciencia, parada.chrf, anotar_tasa=True)])
    if not historia.get("loss"):
        raise SystemExit("no hay ninguna época entrenada que empaquetar: entrena primero (sin --empaquetar).")
    modelo.load_weights(args.trabajo / "mejor.weights.h5")
    mejor = modelos.mejor_epoca(historia)
    chrf_float32 = parada.chrf(modelo)

    registro = {
        "orden": ("python benchmarks/entrenar_transformer.py --corpus RUTA/A/" + args.corpus.name + " " + " ".join(
            f"--{k.replace('_', '-')} {getattr(args, k)}" for k in OPCIONES_DEL_ENTRENAMIENTO[1:])),
        "corpus": args.corpus.name, "corpus_sha256": ajustes["corpus_sha256"], "num_pares": len(datos.ingles),
        "particion": datos.particion, "pares": len(datos.ingles), "entrenamiento": len(datos.entrenamiento),
        "pares_de_entrenamiento_usados": int(len(ids[3])), "reservados": len(datos.reservados),
        "reservados_medidos": len(datos.medidos), "pares_de_parada": len(datos.parada),
        "frases_de_parada": len(datos.frases_parada),
        "max_tokens": args.max_tokens, "parametros": int(modelo.count_params()), "epocas": len(historia["loss"]),
        "mejor_epoca": mejor,
        "chrf_parada_float32": round(chrf_float32, 2),
        "segundos": round(segundos_previos + (time.perf_counter() - inicio if not args.empaquetar else 0)),
        "segundos_datos": round(segundos_tokenizador, 1),
        "fecha": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "maquina": f"{os.cpu_count()} núcleos de CPU ({platform.machine()}), sin GPU",
        "versiones": {"python": platform.python_version(), "keras": keras.__version__, "numpy": np.__version__},
        "historia": {k: [round(v, 5) for v in vs] for k, vs in historia.items()},
    }
    vistas = sorted({datos.ingles[i] for i in datos.entrenamiento})
    # Lo que cuesta guardar en float16: los mismos pesos redondeados como los deja el paquete, sin guardarlo dos veces.
    redondeado = T.construir_transformer(**T.tamanos_del_transformer(modelo))
    redondeado.set_weights([np.asarray(p, dtype="float16").astype("float32") for p in modelo.get_weights()])
    registro["chrf_parada_float16"] = round(parada.chrf(redondeado), 2)
    print(f"chrF de parada con los pesos en float32: {chrf_float32:.2f}; guardados en float16: "
          f"{registro['chrf_parada_float16']:.2f}", flush=True)
    paquetes.guardar_transformer(modelo, tokenizador, args.salida, extra=registro, frases_vistas=vistas)

    millones = f"{registro['parametros'] / 1e6:.1f}".replace(".", ",")
    pares = f"{len(ids[3]):,}".replace(",", " ")
    dibujar_curva_de_entrenamiento(historia, mejor, args.curva,
                                   f"Transformer del curso: {millones} M de parámetros, {pares} pares de entrenamiento",
                                   "subpalabra", "pérdida (con suavizado)", "frases de parada")
    print(f"Paquete guardado en {calidad.ruta_legible(args.salida)}; época elegida {mejor} de {len(historia['loss'])}.",
          flush=True)
    return calidad.main(["--modelo", str(args.salida), "--corpus", str(args.corpus), "--reservadas",
                         "--informe", str(args.informe)])


if __name__ == "__main__":
    main()

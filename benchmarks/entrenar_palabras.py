"""Entrena los modelos de palabras que trae el curso (cuadernos 08 y 09) a partir de cualquier ``fra.txt``.

Con ``--atencion --sin-estado-inicial``, el traductor de palabras con atención de Luong del cuaderno 09
(``datos/palabras_atencion/``: su decodificador empieza de cero y solo sabe de la frase por la
atención); sin ellos, su gemelo sin atención, el GRU de palabras del cuaderno 08
(``datos/palabras/``): los mismos datos, épocas, tamaños y receta, y casi los mismos parámetros.
Usa la partición de los demás modelos del curso (fracción 0,05 por frase inglesa, semilla 42; un
30 % de las reservadas son frases de parada), así que ``calidad.py --reservadas`` los mide con
las mismas frases, que nunca decidieron nada. Deja el paquete del curso en la carpeta de salida
(pesos en float16, sin optimizador) con su historia en ``metadatos.json``, su curva en
``imagenes/`` y su tabla de calidad en ``benchmarks/resultados/``.

Uso, desde la raíz del repositorio (alrededor de una hora por modelo en una CPU de 2 núcleos)::

    python benchmarks/entrenar_palabras.py --corpus RUTA/A/fra.txt
    python benchmarks/entrenar_palabras.py --corpus RUTA/A/fra.txt --atencion --sin-estado-inicial

Cada época se guarda, de forma atómica, en ``benchmarks/resultados/tmp/<nombre del paquete>/``: si se
corta, ``--reanudar`` sigue donde se quedó (y se niega, diciendo qué cambió, si las opciones no son
las mismas); ``--empaquetar`` empaqueta los mejores pesos guardados sin entrenar más.
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

# Opciones que deben coincidir para reanudar (las demás, como --salida, pueden cambiar).
OPCIONES_DEL_ENTRENAMIENTO = ("corpus_sha256", "atencion", "contexto_en_capas", "sin_estado_inicial", "bidireccional", "tamano_vocabulario", "max_tokens", "embedding", "unidades",
                              "capas", "dropout", "tasa", "batch_size", "epocas", "fraccion_reservada", "fraccion_parada",
                              "semilla")


# Valor de las opciones que se añadieron después, para reanudar trabajos guardados sin ellas.
DEFECTOS = {"contexto_en_capas": False, "sin_estado_inicial": False, "bidireccional": False}


def nombre(atencion: bool, contexto_en_capas: bool = False, sin_estado_inicial: bool = False,
           bidireccional: bool = False) -> str:
    if not atencion:
        return "palabras"
    return ("palabras_atencion" + ("_capas" if contexto_en_capas else "") + ("_con_estado" if not sin_estado_inicial else "")
            + ("_bidireccional" if bidireccional else ""))


def opciones() -> Analizador:
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="fra.txt de Tatoeba (2 o 3 columnas)")
    parser.add_argument("--atencion", action="store_true", help="el modelo con atención del cuaderno 09 (sin esto: el gemelo sin atención)")
    parser.add_argument("--contexto-en-capas", action="store_true",
                        help="con --atencion: la consulta sale de la primera GRU del decodificador y el contexto entra en las de encima")
    parser.add_argument("--sin-estado-inicial", action="store_true",
                        help="con --atencion: el decodificador empieza de cero y solo sabe de la frase por la atención")
    parser.add_argument("--bidireccional", action="store_true",
                        help="con --atencion --sin-estado-inicial: el codificador lee en los dos sentidos")
    parser.add_argument("--salida", type=Path, default=None, help="carpeta del paquete (por defecto datos/palabras o datos/palabras_atencion)")
    parser.add_argument("--tamano-vocabulario", type=entero(16), default=8000, help="palabras de cada vocabulario")
    parser.add_argument("--max-tokens", type=entero(2), default=30, help="tokens por frase, como mucho")
    parser.add_argument("--embedding", type=entero(1), default=256)
    parser.add_argument("--unidades", type=entero(1), default=256)
    parser.add_argument("--capas", type=entero(1), default=2)
    parser.add_argument("--dropout", type=numero(0.0, 0.9), default=0.2)
    parser.add_argument("--tasa", type=numero(0.0, 1.0, abierto=True), default=1e-3, help="tasa de Adam")
    parser.add_argument("--batch-size", type=entero(1), default=64)
    parser.add_argument("--epocas", type=entero(1), default=20, help="épocas, como mucho")
    parser.add_argument("--paciencia", type=entero(1), default=3, help="épocas sin mejorar el chrF de parada antes de parar")
    parser.add_argument("--fraccion-reservada", type=fraccion, default=0.05)
    parser.add_argument("--fraccion-parada", type=fraccion, default=0.3)
    parser.add_argument("--semilla", type=entero(0), default=42)
    parser.add_argument("--reanudar", action="store_true", help="seguir desde la última época guardada")
    parser.add_argument("--empaquetar", action="store_true", help="no entrenar: empaquetar los mejores pesos guardados")
    parser.add_argument("--trabajo", type=Path, default=None, help="carpeta de los puntos de control")
    parser.add_argument("--curva", type=Path, default=None)
    parser.add_argument("--informe", type=Path, default=None)
    return parser



def main(argumentos: list[str] | None = None) -> dict:
    """Entrena (o reanuda, o empaqueta), guarda el paquete y devuelve las cifras de ``calidad.py --reservadas``."""
    args = opciones().parse_args(argumentos)
    if (args.contexto_en_capas or args.sin_estado_inicial or args.bidireccional) and not args.atencion:
        raise SystemExit("error: --contexto-en-capas, --sin-estado-inicial y --bidireccional son variantes de la atención: "
                         "úsalos con --atencion.")
    if args.bidireccional and not args.sin_estado_inicial:
        raise SystemExit("error: --bidireccional necesita --sin-estado-inicial (un codificador en los dos sentidos no "
                         "tiene un estado por capa que pasar al decodificador).")
    base = nombre(args.atencion, args.contexto_en_capas, args.sin_estado_inicial, args.bidireccional)
    args.salida = args.salida or RAIZ / "datos" / base
    args.trabajo = args.trabajo or RAIZ / "benchmarks" / "resultados" / "tmp" / base
    args.curva = args.curva or RAIZ / "imagenes" / f"{base}_curva.png"
    args.informe = args.informe or RAIZ / "benchmarks" / "resultados" / f"calidad_{base}.md"
    comprobar_archivo_de_entrada(args.corpus, "--corpus")
    if args.reanudar and args.empaquetar:
        raise SystemExit("error: --reanudar y --empaquetar se excluyen: --empaquetar no entrena.")
    comprobar_carpeta_escribible(args.trabajo, "--trabajo")
    comprobar_carpeta_escribible(args.salida, "--salida")
    comprobar_escribible(args.curva, "--curva")
    comprobar_escribible(args.informe, "--informe")

    import keras
    import numpy as np

    import calidad
    from utils import atencion, modelos, palabras
    from utils.configuracion import fijar_semillas
    from utils.datos import leer_pares
    from utils.evaluacion import agrupar_referencias

    fijar_semillas(args.semilla)
    corpus = leer_pares(args.corpus, mostrar_resumen=False)
    ajustes = {"corpus_sha256": calidad.sha256(args.corpus), **{k: getattr(args, k) for k in OPCIONES_DEL_ENTRENAMIENTO[1:]}}

    args.trabajo.mkdir(parents=True, exist_ok=True)
    ruta_historia, ruta_ultimo = args.trabajo / "historia.json", args.trabajo / "ultimo.keras"
    historia: dict = {}
    if args.reanudar or args.empaquetar:
        historia = leer_historia_para_reanudar(ruta_historia, ajustes, OPCIONES_DEL_ENTRENAMIENTO, DEFECTOS)

    # La partición de los demás modelos del curso (la de calidad.py --reservadas): las frases medidas no entran.
    ingles, frances = corpus.ingles, corpus.frances
    particion = {"tipo": "por frase inglesa", "fraccion": args.fraccion_reservada, "semilla": args.semilla,
                 "parada": {"fraccion": args.fraccion_parada, "criterio": "chrF voraz de las frases de parada"}}
    entrenamiento, reservados = modelos.indices_de_validacion(ingles, args.fraccion_reservada, args.semilla)
    medidos, parada = calidad.partir_reservados(ingles, particion)
    usados = np.concatenate([entrenamiento, parada])
    inicio_datos = time.perf_counter()
    datos = palabras.preparar_palabras([ingles[i] for i in usados], [frances[i] for i in usados],
                                       args.tamano_vocabulario, args.max_tokens,
                                       validacion=np.arange(len(entrenamiento), len(usados)))
    vocab = datos.vocab
    grupos = agrupar_referencias([ingles[i] for i in parada], [frances[i] for i in parada])
    frases_parada = [f for f in grupos if len(palabras.tokenizar(palabras.normalizar(f), "inglés")) <= args.max_tokens]
    referencias_parada = [grupos[f] for f in frases_parada]
    print(f"{len(datos.entrenamiento)} pares de entrenamiento (de {len(entrenamiento)}), {len(reservados)} reservados "
          f"({len(frases_parada)} frases inglesas de parada, que no se miden); vocabularios de {vocab.num_encoder_tokens} "
          f"y {vocab.num_decoder_tokens} palabras; descartes {datos.descartes} "
          f"({time.perf_counter() - inicio_datos:.1f} s con la tokenización)", flush=True)

    lotes = palabras.lotes_palabras(datos, datos.entrenamiento, args.batch_size, args.semilla, barajar=True)
    lotes_parada = palabras.lotes_palabras(datos, datos.validacion, 256, args.semilla, barajar=False)
    tamanos = dict(num_encoder_tokens=vocab.num_encoder_tokens, num_decoder_tokens=vocab.num_decoder_tokens,
                   embedding_dim=args.embedding, unidades=args.unidades, capas=args.capas)
    construir = atencion.construir_modelo_palabras_atencion if args.atencion else palabras.construir_modelo_palabras
    opciones_extra = {**({"contexto_en_capas": True} if args.contexto_en_capas else {}),
                      **({"estado_inicial": False} if args.sin_estado_inicial else {}),
                      **({"bidireccional": True} if args.bidireccional else {})}
    if (args.reanudar or args.empaquetar) and ruta_ultimo.is_file():
        try:
            modelo = keras.saving.load_model(ruta_ultimo, safe_mode=True)
        except Exception as error:  # noqa: BLE001 - un punto de control cortado da errores de h5py, zip o Keras
            raise SystemExit(f"no se puede reanudar: {ruta_ultimo.name} está dañado ({type(error).__name__}). "
                             "Empieza de cero sin --reanudar.") from None
        print(f"Se reanuda tras la época {len(historia.get('loss', []))}.", flush=True)
    else:
        historia = {}
        modelo = palabras.compilar_palabras(construir(**tamanos, dropout=args.dropout, **opciones_extra), args.tasa)
    print(f"{modelo.count_params():,} parámetros".replace(",", " "), flush=True)

    parada_chrf = modelos.ParadaPorChrF(frases_parada, referencias_parada, None, args.paciencia,
                                        traducir=lambda m, frases: atencion.traducir_ids_palabras(m, vocab, frases))

    inicio = time.perf_counter()
    segundos_previos = sum(historia.get("segundos", []))
    if not args.empaquetar and len(historia.get("loss", [])) < args.epocas:
        modelo.fit(lotes, validation_data=lotes_parada, epochs=args.epocas, initial_epoch=len(historia.get("loss", [])),
                   verbose=0,
                   callbacks=[guardar_cada_epoca(historia, ajustes, args.trabajo, args.paciencia, parada_chrf.chrf)])
    if not historia.get("loss"):
        raise SystemExit("no hay ninguna época entrenada que empaquetar: entrena primero (sin --empaquetar).")
    modelo.load_weights(args.trabajo / "mejor.weights.h5")
    mejor = modelos.mejor_epoca(historia)
    chrf_float32 = parada_chrf.chrf(modelo)
    redondeado = construir(**tamanos, **opciones_extra)
    redondeado.set_weights([np.asarray(p, dtype="float16").astype("float32") for p in modelo.get_weights()])
    chrf_float16 = parada_chrf.chrf(redondeado)
    print(f"chrF de parada con los pesos en float32: {chrf_float32:.2f}; guardados en float16: {chrf_float16:.2f}", flush=True)

    registro = {
        "orden": ("python benchmarks/entrenar_palabras.py --corpus RUTA/A/" + args.corpus.name
                  + (" --atencion" if args.atencion else "") + (" --contexto-en-capas" if args.contexto_en_capas else "")
                  + (" --sin-estado-inicial" if args.sin_estado_inicial else "") + (" --bidireccional" if args.bidireccional else "")
                  + " " + " ".join(f"--{k.replace('_', '-')} {getattr(args, k)}" for k in OPCIONES_DEL_ENTRENAMIENTO[5:])),
        "corpus": args.corpus.name, "corpus_sha256": ajustes["corpus_sha256"], "num_pares": len(ingles),
        "particion": particion, "entrenamiento": len(entrenamiento),
        "pares_de_entrenamiento_usados": int(len(datos.entrenamiento)), "reservados": len(reservados),
        "reservados_medidos": len(medidos), "pares_de_parada": len(parada), "frases_de_parada": len(frases_parada),
        "descartes": datos.descartes, "max_tokens": args.max_tokens, "dropout": args.dropout,
        "parametros": int(modelo.count_params()), "epocas": len(historia["loss"]), "mejor_epoca": mejor,
        "chrf_parada_float32": round(chrf_float32, 2), "chrf_parada_float16": round(chrf_float16, 2),
        "segundos": round(segundos_previos + (time.perf_counter() - inicio if not args.empaquetar else 0)),
        "fecha": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "maquina": f"{os.cpu_count()} núcleos de CPU ({platform.machine()}), sin GPU",
        "versiones": {"python": platform.python_version(), "keras": keras.__version__, "numpy": np.__version__},
        "historia": {k: [round(v, 5) for v in vs] for k, vs in historia.items()},
    }
    vistas = sorted({ingles[i] for i in entrenamiento})  # solo sus huellas van al paquete
    palabras.guardar_modelo_palabras(modelo, vocab, args.salida, extra=registro, precision="float16", frases_vistas=vistas)

    millones = f"{registro['parametros'] / 1e6:.1f}".replace(".", ",")
    pares = f"{len(datos.entrenamiento):,}".replace(",", " ")
    que = "GRU de palabras con atención" if args.atencion else "GRU de palabras sin atención"
    dibujar_curva_de_entrenamiento(historia, mejor, args.curva, f"{que}: {millones} M de parámetros, {pares} pares de entrenamiento",
                                   "palabra", "entropía cruzada", "pares de parada")
    print(f"Paquete guardado en {calidad.ruta_legible(args.salida)}; época elegida {mejor} de {len(historia['loss'])}.",
          flush=True)
    return calidad.main(["--modelo", str(args.salida), "--corpus", str(args.corpus), "--reservadas",
                         "--informe", str(args.informe)])


if __name__ == "__main__":
    main()

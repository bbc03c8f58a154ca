"""Entrena el modelo preentrenado que trae el curso (``datos/preentrenado/``) a partir de cualquier ``fra.txt``.

Es la receta del cuaderno 04 (enteros, codificador enmascarado, Adam con recorte del gradiente,
lotes agrupados por longitud, parada por el chrF de unas frases de parada), a mayor escala: todos
los pares del archivo y un ``latent_dim`` mayor. La parte reservada (frases inglesas que nunca ve)
se divide en dos: las **frases de parada**, cuyo chrF decide cuándo bajar la tasa, cuándo parar y
con qué época quedarse, y el resto, que solo mide (``calidad.py --reservadas``). Deja en la carpeta de salida el
paquete del curso (``modelo.keras`` sin el estado del optimizador, ``metadatos.json``) y además:

- ``entrenamiento.json``: el archivo y su SHA-256, la partición, los tamaños, la historia de cada
  época, la época elegida, los tiempos, la máquina y las versiones;
- ``frases_vistas.npy``: las huellas (SHA-1 truncado, no el texto) de las frases inglesas de
  entrenamiento, para saber de cualquier frase si el modelo la vio;
- su curva de entrenamiento en ``imagenes/preentrenado_curva.png`` y su tabla de calidad, hecha con
  ``benchmarks/calidad.py`` sobre la parte reservada, en ``benchmarks/resultados/calidad_preentrenado.md``.

Uso, desde la raíz del repositorio (varias horas en una CPU de 2 núcleos; mucho menos en una GPU)::

    python benchmarks/entrenar_preentrenado.py --corpus RUTA/A/fra.txt

Cada época se guarda en ``benchmarks/resultados/tmp/preentrenado/``: si se corta, ``--reanudar``
sigue donde se quedó. ``--help`` lista las opciones (tamaños, épocas, paciencia…).
"""

from __future__ import annotations

import datetime
import io
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Callable

RAIZ = Path(__file__).resolve().parent.parent
for _ruta in (RAIZ, RAIZ / "benchmarks"):
    if str(_ruta) not in sys.path:
        sys.path.insert(0, str(_ruta))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from argumentos import (  # noqa: E402
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_carpeta_escribible, comprobar_escribible, entero,
    fraccion, numero,
)
from utils.configuracion import DIR_IMAGENES, DIR_PREENTRENADO  # noqa: E402

DIR_TRABAJO = RAIZ / "benchmarks" / "resultados" / "tmp" / "preentrenado"
PUNTO_DE_CONTROL = "punto_de_control.json"  # se escribe el último: qué época, con qué ajustes y las sumas de los archivos
# Los ajustes que deben ser los mismos para reanudar (las épocas, la paciencia y la meseta pueden cambiar).
AJUSTES_DEL_ENTRENAMIENTO = ("latent_dim", "batch_size", "dropout", "tasa", "clipnorm", "fraccion_reservada",
                             "fraccion_parada", "semilla")


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` y los errores de uso son inmediatos)."""
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="fra.txt de Tatoeba (2 o 3 columnas)")
    parser.add_argument("--salida", type=Path, default=DIR_PREENTRENADO, help="carpeta del paquete (por defecto, datos/preentrenado)")
    parser.add_argument("--latent-dim", type=entero(1), default=512)
    parser.add_argument("--batch-size", type=entero(1), default=64)
    parser.add_argument("--dropout", type=numero(0.0, 0.99), default=0.25,
                        help="fracción de salidas del decodificador apagadas al entrenar (de 0 a 0,99)")
    parser.add_argument("--tasa", type=numero(0.0, abierto=True), default=2e-3, help="tasa de aprendizaje inicial de Adam")
    parser.add_argument("--clipnorm", type=numero(0.0, abierto=True), default=1.0)
    parser.add_argument("--epocas", type=entero(1), default=60, help="épocas como máximo (al reanudar, en total)")
    parser.add_argument("--paciencia", type=entero(1), default=6, help="épocas sin mejorar el chrF de parada antes de parar")
    parser.add_argument("--meseta", type=entero(0), default=3,
                        help="épocas sin mejorar el chrF de parada antes de bajar la tasa a la mitad (0: nunca)")
    parser.add_argument("--fraccion-reservada", type=fraccion, default=0.05, help="fracción de frases inglesas que no se ven")
    parser.add_argument("--fraccion-parada", type=fraccion, default=0.3,
                        help="fracción de las frases reservadas que deciden cuándo parar (no se miden)")
    parser.add_argument("--semilla", type=entero(0), default=42)
    parser.add_argument("--reanudar", action="store_true", help="seguir desde la última época guardada (mismos ajustes)")
    parser.add_argument("--empaquetar", action="store_true",
                        help="no entrenar: empaquetar los mejores pesos guardados hasta ahora (y medirlos)")
    parser.add_argument("--trabajo", type=Path, default=DIR_TRABAJO,
                        help="carpeta de los puntos de control (último modelo con su optimizador, mejores pesos, historia)")
    parser.add_argument("--curva", type=Path, default=DIR_IMAGENES / "preentrenado_curva.png")
    parser.add_argument("--informe", type=Path, default=RAIZ / "benchmarks" / "resultados" / "calidad_preentrenado.md")
    return parser


analizar_pronto(__name__, analizador)

import keras  # noqa: E402
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import numpy as np  # noqa: E402

from utils import graficos, modelos, paquetes  # noqa: E402
from utils.configuracion import Configuracion, fijar_semillas  # noqa: E402
from utils.datos import (  # noqa: E402
    DatosIds, agregar_tokens, crear_vocabulario, huella, leer_pares, motivo_intraducible, vectorizar_ids,
)
from utils.evaluacion import agrupar_referencias  # noqa: E402

import calidad  # noqa: E402


def _escribir_atomico(ruta: Path, escribir: Callable[[Path], None]) -> None:
    """Escribe ``ruta`` en un temporal de la misma carpeta (con el mismo sufijo) y lo renombra: nunca queda a medias."""
    temporal = ruta.with_name(f".{ruta.name}.temporal{''.join(ruta.suffixes[-2:]) if ruta.name.endswith('.weights.h5') else ruta.suffix}")
    try:
        escribir(temporal)
        os.replace(temporal, ruta)
    finally:
        temporal.unlink(missing_ok=True)


def escribir_punto_de_control(trabajo: Path, epocas: int, ajustes: dict) -> None:
    """El registro que da por buena una época: se escribe el último, de forma atómica, con las sumas de lo guardado."""
    sumas = {nombre: calidad.sha256(trabajo / nombre) for nombre in ("ultimo.keras", "mejor.weights.h5", "historia.json")
             if (trabajo / nombre).is_file()}
    registro = {"epocas": epocas, "ajustes": ajustes, "sumas_sha256": sumas}
    _escribir_atomico(trabajo / PUNTO_DE_CONTROL,
                      lambda r: r.write_text(json.dumps(registro, ensure_ascii=False, indent=1), encoding="utf-8"))


class GuardarCadaEpoca(keras.callbacks.Callback):
    """Tras cada época: chrF de las frases de parada, historia, último modelo (con optimizador) y mejores
    pesos (los del mejor chrF de parada); baja la tasa en las mesetas de ese chrF y para tras ``paciencia``
    épocas sin mejorarlo. Todo se deduce de la historia, así que se puede reanudar.

    Una historia de antes de la parada por chrF (sin ``chrf_parada``) se completa al reanudar: las
    épocas ya entrenadas quedan sin medir (``None``) salvo la última, que se mide con el modelo cargado.
    """

    def __init__(self, historia: dict, paciencia: int, meseta: int, parada: modelos.ParadaPorChrF, trabajo: Path,
                 factor: float = 0.5, ajustes: dict | None = None):
        super().__init__()
        self.historia, self.paciencia, self.meseta, self.factor = historia, paciencia, meseta, factor
        self.parada, self.trabajo, self.ajustes = parada, trabajo, ajustes or {}
        self._inicio = time.perf_counter()

    def on_train_begin(self, logs=None):
        entrenadas = len(self.historia.get("loss", []))
        if entrenadas and len(self.historia.get(modelos.CLAVE_CHRF, [])) < entrenadas:
            chrf = self.parada.chrf(self.model)
            self.historia[modelos.CLAVE_CHRF] = [None] * (entrenadas - 1) + [chrf]
            _escribir_atomico(self.trabajo / "mejor.weights.h5", self.model.save_weights)
            print(f"La historia no tenía el chrF de parada: el de la época {entrenadas}, medido ahora, es {chrf:.1f}; "
                  "las anteriores quedan sin medir.", flush=True)

    def on_epoch_begin(self, epoch, logs=None):
        self._inicio = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        logs = dict(logs or {})
        logs[modelos.CLAVE_CHRF] = self.parada.chrf(self.model)
        logs["segundos"] = time.perf_counter() - self._inicio
        logs["tasa"] = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))
        for clave, valor in logs.items():
            self.historia.setdefault(clave, []).append(float(valor))
        mejor = modelos.mejor_epoca(self.historia) - 1
        # Cada archivo se escribe aparte y se renombra (un Ctrl-C no deja ninguno a medias); el punto de
        # control, el último, da por buena la época con las sumas de los tres.
        if mejor == epoch:
            _escribir_atomico(self.trabajo / "mejor.weights.h5", self.model.save_weights)
        _escribir_atomico(self.trabajo / "ultimo.keras", self.model.save)
        _escribir_atomico(self.trabajo / "historia.json",
                          lambda r: r.write_text(json.dumps(self.historia), encoding="utf-8"))
        escribir_punto_de_control(self.trabajo, epoch + 1, self.ajustes)
        sin_mejorar = epoch - mejor
        print(f"época {epoch + 1:>3}: pérdida {logs['loss']:.4f}, reservada {logs['val_loss']:.4f}, "
              f"chrF de parada {logs[modelos.CLAVE_CHRF]:.1f}, tasa {logs['tasa']:.2e} "
              f"({logs['segundos']:.0f} s){'  ← mejor' if sin_mejorar == 0 else ''}", flush=True)
        if sin_mejorar >= self.paciencia:
            self.model.stop_training = True
        elif self.meseta and sin_mejorar and sin_mejorar % self.meseta == 0:
            self.model.optimizer.learning_rate.assign(logs["tasa"] * self.factor)


def preparar(args) -> tuple[DatosIds, np.ndarray, np.ndarray, dict, modelos.ParadaPorChrF]:
    """Lee el archivo, separa la parte reservada por frase inglesa (y en ella las frases de parada) y
    vectoriza con el vocabulario de entrenamiento."""
    corpus = leer_pares(args.corpus)
    input_texts, target_texts = corpus.ingles, [agregar_tokens(f) for f in corpus.frances]
    entrenamiento, reservados = modelos.indices_de_validacion(input_texts, args.fraccion_reservada, args.semilla)
    medidos, de_parada = calidad.partir_reservados(input_texts, particion_del_paquete(args))
    vocab = crear_vocabulario([input_texts[i] for i in entrenamiento], [target_texts[i] for i in entrenamiento])
    # Las frases de parada, cada una con todas sus referencias (las que el modelo no sabe leer no se traducen).
    grupos = agrupar_referencias([input_texts[i] for i in de_parada], [corpus.frances[i] for i in de_parada])
    frases = [f for f in grupos if motivo_intraducible(f, vocab) is None]
    parada = modelos.ParadaPorChrF(frases, [grupos[f] for f in frases], vocab, args.paciencia)
    # Para la pérdida de la parte reservada solo sirven los pares que el vocabulario puede escribir.
    utiles = [i for i in reservados if motivo_intraducible(input_texts[i], vocab) is None
              and all(c in vocab.target_token_index for c in target_texts[i])
              and len(target_texts[i]) <= vocab.max_decoder_seq_length]
    indices = np.concatenate([entrenamiento, utiles]).astype(int)
    textos = ([input_texts[i] for i in indices], [target_texts[i] for i in indices])
    datos = DatosIds(*textos, vocab, *vectorizar_ids(*textos, vocab))
    n = len(entrenamiento)
    resumen = {"pares": len(input_texts), "entrenamiento": n, "reservados": len(reservados),
               "reservados_utiles": len(utiles), "reservados_medidos": len(medidos), "pares_de_parada": len(de_parada),
               "frases_de_parada": len(frases), "frases_vistas": sorted({huella(input_texts[i]) for i in entrenamiento})}
    return datos, np.arange(n), np.arange(n, len(indices)), resumen, parada


def particion_del_paquete(args) -> dict:
    """La partición que se guarda en ``entrenamiento.json`` (y que ``calidad.py --reservadas`` vuelve a hacer)."""
    return {"tipo": "por frase inglesa", "fraccion": args.fraccion_reservada, "semilla": args.semilla,
            "parada": {"fraccion": args.fraccion_parada, "criterio": "chrF voraz de las frases de parada"}}


def ajustes_de(args, corpus_sha256: str) -> dict:
    """Lo que debe coincidir para reanudar: el archivo (por su SHA-256) y los ajustes del modelo y la partición."""
    return {"corpus": args.corpus.name, "corpus_sha256": corpus_sha256,
            **{clave: getattr(args, clave) for clave in AJUSTES_DEL_ENTRENAMIENTO}}


def _no_se_reanuda(trabajo: Path, motivo: str) -> SystemExit:
    return SystemExit(
        f"error: no se puede reanudar desde {calidad.ruta_legible(trabajo)}: {motivo}. Nada se ha tocado. Reanuda con "
        f"los mismos ajustes, o empieza de cero sin --reanudar (o con otra carpeta --trabajo)."
    )


def comprobar_reanudacion(trabajo: Path, ajustes: dict, para: str = "--reanudar") -> int:
    """Antes de reanudar (o de empaquetar): que los puntos de control están enteros y son de este mismo
    entrenamiento. Devuelve las épocas guardadas; si algo no cuadra, ``SystemExit`` que dice qué."""
    registro_ruta = trabajo / PUNTO_DE_CONTROL
    necesarios = ("historia.json", "mejor.weights.h5") if para == "--empaquetar" else ("ultimo.keras", "historia.json",
                                                                                      "mejor.weights.h5")
    faltan = [n for n in necesarios if not (trabajo / n).is_file()]
    if faltan:
        raise _no_se_reanuda(trabajo, f"faltan {', '.join(faltan)}")
    try:
        historia = json.loads((trabajo / "historia.json").read_text(encoding="utf-8"))
        if not isinstance(historia, dict) or not isinstance(historia.get("loss"), list) or not historia["loss"]:
            raise ValueError("no tiene la pérdida de ninguna época")
    except (ValueError, OSError) as error:
        raise _no_se_reanuda(trabajo, f"historia.json está dañado o cortado ({error})") from None
    if not registro_ruta.is_file():  # puntos de control de antes de este registro: solo se comprueba lo que se puede
        print(f"⚠️  {calidad.ruta_legible(trabajo)} no tiene {PUNTO_DE_CONTROL} (es de una versión anterior): no se "
              "pueden comprobar el archivo ni los ajustes; se comprueban al cargar el modelo.", flush=True)
        return len(historia["loss"])
    try:
        registro = json.loads(registro_ruta.read_text(encoding="utf-8"))
        guardados, sumas = registro["ajustes"], registro["sumas_sha256"]
        epocas = int(registro["epocas"])
    except (ValueError, OSError, KeyError, TypeError) as error:
        raise _no_se_reanuda(trabajo, f"{PUNTO_DE_CONTROL} está dañado ({error})") from None
    distintos = [f"{clave} (antes {guardados.get(clave)!r}, ahora {valor!r})" for clave, valor in ajustes.items()
                 if guardados.get(clave) != valor and clave != "corpus"]
    if distintos:
        raise _no_se_reanuda(trabajo, "el entrenamiento guardado usó otros ajustes: " + "; ".join(distintos))
    for nombre in necesarios:
        if sumas.get(nombre) != calidad.sha256(trabajo / nombre):
            raise _no_se_reanuda(trabajo, f"{nombre} no es el que se guardó con la época {epocas} (se cortó o se cambió "
                                          "al guardarlo)")
    if len(historia["loss"]) != epocas:
        raise _no_se_reanuda(trabajo, f"historia.json tiene {len(historia['loss'])} épocas y el punto de control {epocas}")
    return epocas


def _cargar_punto_de_control(trabajo: Path, latent_dim: int, vocab) -> keras.Model:
    """``ultimo.keras`` de la carpeta de trabajo, con sus tamaños comprobados contra los de este entrenamiento."""
    try:
        modelo = keras.saving.load_model(trabajo / "ultimo.keras", safe_mode=True)
    except Exception as error:  # zip cortado (Ctrl-C a mitad de una versión anterior), capas desconocidas…
        raise _no_se_reanuda(trabajo, f"ultimo.keras no se puede cargar: {paquetes._causa_de_keras(error)}") from None
    tamanos = (int(modelo.get_layer("decoder_lstm").units), *paquetes._tamanos_de_caracteres(modelo))
    esperados = (latent_dim, vocab.num_encoder_tokens, vocab.num_decoder_tokens)
    if tamanos != esperados:
        raise _no_se_reanuda(trabajo, f"ultimo.keras tiene latent_dim y vocabularios {tamanos} y este entrenamiento "
                                      f"{esperados} (¿otro --corpus u otro --latent-dim?)")
    return modelo


def main(argumentos: list[str] | None = None) -> None:
    args = analizador().parse_args(argumentos)
    comprobar_archivo_de_entrada(args.corpus, "--corpus")
    if args.reanudar and args.empaquetar:
        raise SystemExit("error: --reanudar y --empaquetar se excluyen: --empaquetar no entrena.")
    # Antes de horas de trabajo: que se podrá escribir todo lo que se escribe al final.
    comprobar_carpeta_escribible(args.trabajo, "--trabajo")
    comprobar_carpeta_escribible(args.salida, "--salida")
    try:
        paquetes.comprobar_destino_de_paquete(args.salida)
    except (OSError, ValueError) as error:
        raise SystemExit(f"error: --salida: {error}") from None
    comprobar_escribible(args.curva, "--curva")
    comprobar_escribible(args.informe, "--informe")
    ajustes = ajustes_de(args, calidad.sha256(args.corpus))
    previas = 0
    if args.reanudar or args.empaquetar:
        previas = comprobar_reanudacion(args.trabajo, ajustes, "--empaquetar" if args.empaquetar else "--reanudar")

    fijar_semillas(args.semilla)
    datos, entrenamiento, reservados, resumen, parada = preparar(args)
    vocab = datos.vocab
    config = Configuracion(
        nombre="preentrenado", datos_completos=True, num_pares=resumen["pares"], latent_dim=args.latent_dim,
        batch_size=args.batch_size, epocas=args.epocas, paciencia=args.paciencia,
        fraccion_validacion=args.fraccion_reservada, tasa_aprendizaje=args.tasa, clipnorm=args.clipnorm, dropout=args.dropout,
        semilla=args.semilla, parada="chrf",
        # Aquí las frases de parada salen de las reservadas, no de las de entrenamiento: lo detalla
        # «particion» en entrenamiento.json.
        fraccion_parada=args.fraccion_parada,
    )
    print(f"{resumen['entrenamiento']} pares de entrenamiento, {resumen['reservados']} reservados ({resumen['frases_de_parada']} "
          f"frases inglesas de parada, que no se miden); vocabulario "
          f"{vocab.num_encoder_tokens}/{vocab.num_decoder_tokens}, longitudes {vocab.max_encoder_seq_length}/{vocab.max_decoder_seq_length}",
          flush=True)

    args.trabajo.mkdir(parents=True, exist_ok=True)
    historia: dict = {}
    if args.empaquetar:
        historia = json.loads((args.trabajo / "historia.json").read_text(encoding="utf-8"))
        modelo = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, args.latent_dim,
                                                 dropout=args.dropout)
    elif args.reanudar:
        modelo = _cargar_punto_de_control(args.trabajo, args.latent_dim, vocab)
        historia = json.loads((args.trabajo / "historia.json").read_text(encoding="utf-8"))
        if previas >= args.epocas:
            raise SystemExit(f"error: --epocas {args.epocas}: ya hay {previas} épocas entrenadas; pide más para reanudar, "
                             "o usa --empaquetar para empaquetar lo entrenado.")
        print(f"Se reanuda tras la época {previas}.", flush=True)
    else:
        if (args.trabajo / PUNTO_DE_CONTROL).is_file() or (args.trabajo / "historia.json").is_file():
            print(f"⚠️  {calidad.ruta_legible(args.trabajo)} tiene puntos de control de otro entrenamiento: se empieza de "
                  "cero y se sustituyen (para seguir con ellos, --reanudar).", flush=True)
            for nombre in (PUNTO_DE_CONTROL, "historia.json", "ultimo.keras", "mejor.weights.h5"):
                (args.trabajo / nombre).unlink(missing_ok=True)
        modelo = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, args.latent_dim,
                                                 dropout=args.dropout)
        modelos.compilar_receta(modelo, args.tasa, args.clipnorm)
    inicio = time.perf_counter()
    segundos_previos = sum(historia.get("segundos", []))
    if not args.empaquetar:
        modelo.fit(
            modelos.lotes_de_la_receta(datos, entrenamiento, config, barajar=True),
            validation_data=modelos.lotes_de_la_receta(datos, reservados, config, barajar=False),
            epochs=args.epocas, initial_epoch=len(historia.get("loss", [])), verbose=0,
            callbacks=[GuardarCadaEpoca(historia, args.paciencia, args.meseta, parada, args.trabajo, ajustes=ajustes)],
        )
    modelo.load_weights(args.trabajo / "mejor.weights.h5")
    mejor = modelos.mejor_epoca(historia)

    # El paquete, sin el estado del optimizador: un modelo nuevo sin compilar con los mejores pesos. Las
    # huellas y entrenamiento.json van dentro del mismo guardado atómico, cubiertos por sus sumas.
    limpio = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, args.latent_dim)
    limpio.set_weights(modelo.get_weights())
    vistas = io.BytesIO()
    np.save(vistas, np.array(resumen.pop("frases_vistas"), dtype=np.uint64), allow_pickle=False)
    registro = {
        "orden": (f"python benchmarks/entrenar_preentrenado.py --corpus RUTA/A/{args.corpus.name} "
                  f"--latent-dim {args.latent_dim} --batch-size {args.batch_size} --dropout {args.dropout} --tasa {args.tasa} "
                  f"--clipnorm {args.clipnorm} --epocas {args.epocas} --paciencia {args.paciencia} --meseta {args.meseta} "
                  f"--fraccion-reservada {args.fraccion_reservada} --fraccion-parada {args.fraccion_parada} --semilla {args.semilla}"),
        "corpus": args.corpus.name, "corpus_sha256": ajustes["corpus_sha256"],
        "particion": particion_del_paquete(args),
        **resumen, "epocas": len(historia["loss"]), "mejor_epoca": mejor,
        "segundos": round(segundos_previos + time.perf_counter() - inicio),
        "fecha": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "maquina": f"{os.cpu_count()} núcleos de CPU ({platform.machine()}), sin GPU",
        "versiones": {"python": platform.python_version(), "keras": keras.__version__, "numpy": np.__version__},
        "historia": {k: [None if v is None else round(v, 5) for v in vs] for k, vs in historia.items()},
    }
    paquetes.guardar_modelo(limpio, vocab, config, args.salida, archivos={
        paquetes.ARCHIVO_VISTAS: vistas.getvalue(),
        paquetes.ARCHIVO_ENTRENAMIENTO: json.dumps(registro, ensure_ascii=False, indent=1).encode("utf-8"),
    })

    curvas = {k: [np.nan if v is None else v for v in vs] for k, vs in historia.items()}
    figura = graficos.graficar_historial(curvas, metricas=("loss", "exactitud_sin_relleno", modelos.CLAVE_CHRF),
                                         titulo=f"Modelo preentrenado: {resumen['entrenamiento']} pares, latent_dim={args.latent_dim}")
    for eje in figura.axes[:2]:  # el panel del chrF de parada ya marca su mejor época, la elegida
        eje.axvline(mejor, color="gray", linestyle=":", label=f"época elegida ({mejor})")
        eje.legend()
    figura.savefig(args.curva, dpi=100)
    print(f"Paquete guardado en {calidad.ruta_legible(args.salida)}; época elegida {mejor} de {len(historia['loss'])}.", flush=True)
    calidad.main(["--modelo", str(args.salida), "--corpus", str(args.corpus), "--reservadas",
                  "--informe", str(args.informe)])


if __name__ == "__main__":
    main()

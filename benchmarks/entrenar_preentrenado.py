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

import argparse
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
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import numpy as np  # noqa: E402

from utils import graficos, modelos  # noqa: E402
from utils.configuracion import DIR_IMAGENES, DIR_PREENTRENADO, Configuracion, fijar_semillas  # noqa: E402
from utils.datos import (  # noqa: E402
    DatosIds, agregar_tokens, crear_vocabulario, huella, leer_pares, motivo_intraducible, vectorizar_ids,
)
from utils.evaluacion import agrupar_referencias  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calidad  # noqa: E402

DIR_TRABAJO = RAIZ / "benchmarks" / "resultados" / "tmp" / "preentrenado"


class GuardarCadaEpoca(keras.callbacks.Callback):
    """Tras cada época: chrF de las frases de parada, historia, último modelo (con optimizador) y mejores
    pesos (los del mejor chrF de parada); baja la tasa en las mesetas de ese chrF y para tras ``paciencia``
    épocas sin mejorarlo. Todo se deduce de la historia, así que se puede reanudar.

    Una historia de antes de la parada por chrF (sin ``chrf_parada``) se completa al reanudar: las
    épocas ya entrenadas quedan sin medir (``None``) salvo la última, que se mide con el modelo cargado.
    """

    def __init__(self, historia: dict, paciencia: int, meseta: int, parada: modelos.ParadaPorChrF, trabajo: Path,
                 factor: float = 0.5):
        super().__init__()
        self.historia, self.paciencia, self.meseta, self.factor = historia, paciencia, meseta, factor
        self.parada, self.trabajo = parada, trabajo
        self._inicio = time.perf_counter()

    def on_train_begin(self, logs=None):
        entrenadas = len(self.historia.get("loss", []))
        if entrenadas and len(self.historia.get(modelos.CLAVE_CHRF, [])) < entrenadas:
            chrf = self.parada.chrf(self.model)
            self.historia[modelos.CLAVE_CHRF] = [None] * (entrenadas - 1) + [chrf]
            self.model.save_weights(self.trabajo / "mejor.weights.h5")
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
        if mejor == epoch:
            self.model.save_weights(self.trabajo / "mejor.weights.h5")
        self.model.save(self.trabajo / "ultimo.keras")
        (self.trabajo / "historia.json").write_text(json.dumps(self.historia), encoding="utf-8")
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


def main(argumentos: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="fra.txt de Tatoeba (2 o 3 columnas)")
    parser.add_argument("--salida", type=Path, default=DIR_PREENTRENADO)
    parser.add_argument("--latent-dim", type=int, default=512)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--dropout", type=float, default=0.25, help="fracción de salidas del decodificador apagadas al entrenar")
    parser.add_argument("--tasa", type=float, default=2e-3, help="tasa de aprendizaje inicial de Adam")
    parser.add_argument("--clipnorm", type=float, default=1.0)
    parser.add_argument("--epocas", type=int, default=60)
    parser.add_argument("--paciencia", type=int, default=6, help="épocas sin mejorar el chrF de parada antes de parar")
    parser.add_argument("--meseta", type=int, default=3,
                        help="épocas sin mejorar el chrF de parada antes de bajar la tasa a la mitad (0: nunca)")
    parser.add_argument("--fraccion-reservada", type=float, default=0.05, help="fracción de frases inglesas que no se ven")
    parser.add_argument("--fraccion-parada", type=float, default=0.3,
                        help="fracción de las frases reservadas que deciden cuándo parar (no se miden)")
    parser.add_argument("--semilla", type=int, default=42)
    parser.add_argument("--reanudar", action="store_true", help="seguir desde la última época guardada")
    parser.add_argument("--empaquetar", action="store_true",
                        help="no entrenar: empaquetar los mejores pesos guardados hasta ahora (y medirlos)")
    parser.add_argument("--trabajo", type=Path, default=DIR_TRABAJO,
                        help="carpeta de los puntos de control (último modelo con su optimizador, mejores pesos, historia)")
    parser.add_argument("--curva", type=Path, default=DIR_IMAGENES / "preentrenado_curva.png")
    parser.add_argument("--informe", type=Path, default=RAIZ / "benchmarks" / "resultados" / "calidad_preentrenado.md")
    args = parser.parse_args(argumentos)
    if not args.corpus.is_file():
        raise SystemExit(f"--corpus: no existe {args.corpus.name}. Descarga fra-eng.zip de manythings.org/anki y pásale fra.txt.")

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
    elif args.reanudar and (args.trabajo / "ultimo.keras").is_file():
        modelo = keras.saving.load_model(args.trabajo / "ultimo.keras", safe_mode=True)
        historia = json.loads((args.trabajo / "historia.json").read_text(encoding="utf-8"))
        print(f"Se reanuda tras la época {len(historia['loss'])}.", flush=True)
    else:
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
            callbacks=[GuardarCadaEpoca(historia, args.paciencia, args.meseta, parada, args.trabajo)],
        )
    modelo.load_weights(args.trabajo / "mejor.weights.h5")
    mejor = modelos.mejor_epoca(historia)

    # El paquete, sin el estado del optimizador: un modelo nuevo sin compilar con los mejores pesos.
    limpio = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, args.latent_dim)
    limpio.set_weights(modelo.get_weights())
    modelos.guardar_modelo(limpio, vocab, config, args.salida)
    np.save(args.salida / modelos.ARCHIVO_VISTAS, np.array(resumen.pop("frases_vistas"), dtype=np.uint64))
    registro = {
        "orden": (f"python benchmarks/entrenar_preentrenado.py --corpus RUTA/A/{args.corpus.name} "
                  f"--latent-dim {args.latent_dim} --batch-size {args.batch_size} --dropout {args.dropout} --tasa {args.tasa} "
                  f"--clipnorm {args.clipnorm} --epocas {args.epocas} --paciencia {args.paciencia} --meseta {args.meseta} "
                  f"--fraccion-reservada {args.fraccion_reservada} --fraccion-parada {args.fraccion_parada} --semilla {args.semilla}"),
        "corpus": args.corpus.name, "corpus_sha256": calidad.sha256(args.corpus),
        "particion": particion_del_paquete(args),
        **resumen, "epocas": len(historia["loss"]), "mejor_epoca": mejor,
        "segundos": round(segundos_previos + time.perf_counter() - inicio),
        "fecha": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "maquina": f"{os.cpu_count()} núcleos de CPU ({platform.machine()}), sin GPU",
        "versiones": {"python": platform.python_version(), "keras": keras.__version__, "numpy": np.__version__},
        "historia": {k: [None if v is None else round(v, 5) for v in vs] for k, vs in historia.items()},
    }
    (args.salida / modelos.ARCHIVO_ENTRENAMIENTO).write_text(json.dumps(registro, ensure_ascii=False, indent=1), encoding="utf-8")

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

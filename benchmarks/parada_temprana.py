"""¿Cuándo parar? La pérdida de validación frente al chrF de validación, época a época.

Entrena el modelo del curso (la receta completa de ``utils.modelos``: modelo ligero con máscara,
Adam con recorte, lotes por longitud, ``Dropout`` de la configuración) **sin parada temprana**
durante ``--epocas`` épocas (por defecto, el máximo de la configuración) y, cada ``--cada`` épocas,
traduce con la decodificación voraz por lotes todas las frases inglesas de validación (con todas sus
referencias), 300 frases de entrenamiento repartidas por todas las longitudes y las frases de parada
de ``particion_de_la_receta``. Así se ve qué época elegiría la parada sobre la pérdida de validación
(cuaderno 03), cuál la del curso sobre el chrF de las frases de parada (``ParadaPorChrF``; se simula
tal cual si se mide cada época) y cómo traducen una y otra.

Escribe ``benchmarks/resultados/parada_temprana.json`` (una fila por época, se guarda tras cada
una), ``benchmarks/resultados/parada_temprana.md`` e ``imagenes/parada_temprana.png``.

Uso, desde la raíz del repositorio::

    python benchmarks/parada_temprana.py --corpus RUTA/A/fra.txt          # «curso»: ~20 min en 2 núcleos
    python benchmarks/parada_temprana.py --config prueba --epocas 8       # corpus de datos/, ~1 min
    python benchmarks/parada_temprana.py --solo-informe                    # rehace el informe desde el JSON
"""

from __future__ import annotations

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
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_escribible, entero,
)
from utils.configuracion import DIR_IMAGENES  # noqa: E402  (sin TensorFlow)

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
DIR_RESULTADOS = RAIZ / "benchmarks" / "resultados"


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` y los errores de uso son inmediatos)."""
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="fra.txt de Tatoeba (por defecto, el de la configuración)")
    parser.add_argument("--config", default="curso", choices=["curso", "prueba"])
    parser.add_argument("--epocas", type=entero(1), default=None, help="épocas (por defecto, el máximo de la configuración)")
    parser.add_argument("--cada", type=entero(1), default=1, help="cada cuántas épocas se traduce (1: se simula la parada por chrF)")
    parser.add_argument("--solo-informe", action="store_true", help="no entrenar: rehacer el informe desde el JSON")
    parser.add_argument("--json", type=Path, default=DIR_RESULTADOS / "parada_temprana.json")
    parser.add_argument("--salida", type=Path, default=DIR_RESULTADOS / "parada_temprana.md")
    parser.add_argument("--grafico", type=Path, default=DIR_IMAGENES / "parada_temprana.png")
    return parser


analizar_pronto(__name__, analizador)

import keras  # noqa: E402
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from utils import modelos  # noqa: E402
from utils.configuracion import VARIABLE_CORPUS, fijar_semillas, obtener_configuracion  # noqa: E402
from utils.evaluacion import traducir_y_medir  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import receta  # noqa: E402  (los mismos datos, frases y medidas que receta.py)

FRASES_ENTRENAMIENTO = receta.FRASES_ENTRENAMIENTO


class MedirTraducciones(keras.callbacks.Callback):
    """Una fila por época con las pérdidas y, cada ``cada`` épocas, la calidad de las traducciones."""

    def __init__(self, medir, cada: int, destino: Path, cabecera: dict):
        super().__init__()
        self.medir, self.cada, self.destino = medir, cada, destino
        self.registro = {**cabecera, "filas": []}

    def on_epoch_begin(self, epoch, logs=None):
        self._inicio = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        fila = {"epoca": epoch + 1, "loss": logs["loss"], "val_loss": logs["val_loss"],
                "val_acc": logs["val_exactitud_sin_relleno"], "segundos": time.perf_counter() - self._inicio}
        if (epoch + 1) % self.cada == 0:
            fila.update(self.medir(self.model))
        self.registro["filas"].append(fila)
        self.destino.write_text(json.dumps(self.registro, ensure_ascii=False, indent=1), encoding="utf-8")
        extra = f", chrF {fila['chrf_val']:.1f} / {fila['chrf_ent']:.1f}" if "chrf_val" in fila else ""
        print(f"    época {epoch + 1}: pérdida de validación {fila['val_loss']:.3f}{extra}", flush=True)


def entrenar_y_medir(args, destino: Path) -> None:
    if args.corpus is not None:
        os.environ[VARIABLE_CORPUS] = str(args.corpus.resolve())
    config = obtener_configuracion(args.config)
    if args.epocas is None:
        args.epocas = config.epocas
    datos, entrenamiento, validacion, referencias, frases, medir_partes = receta.preparar_medida(config)
    vocab = datos.vocab
    apartadas = modelos.particion_de_la_receta(datos, config)[1]
    frases_parada = list(dict.fromkeys(datos.input_texts[j] for j in apartadas))
    frases_validacion = frases["validación"]

    def medir(modelo) -> dict:
        partes = medir_partes(modelo)
        v, e = partes["validación"], partes["entrenamiento"]
        fila = {"chrf_val": v["chrf"], "exactas_val": v["coincidencia_exacta"], "terminan": v["terminan"],
                "chrf_ent": e["chrf"], "exactas_ent": e["coincidencia_exacta"]}
        if frases_parada:  # las frases con las que para entrenar_modelo (ni se entrenan ni se miden)
            fila["chrf_parada"] = traducir_y_medir(frases_parada, [referencias[f] for f in frases_parada],
                                                   *modelos.construir_modelos_inferencia(modelo), vocab)["chrf"]
        return fila

    cabecera = {
        "orden": " ".join(["python benchmarks/parada_temprana.py", f"--config {args.config}",
                           *([f"--corpus RUTA/A/{args.corpus.name}"] if args.corpus else []),
                           f"--epocas {args.epocas}", f"--cada {args.cada}"]),
        "fecha": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "datos": (f"{len(datos.input_texts)} pares; {len(entrenamiento)} de entrenamiento y {len(validacion)} de validación "
                  f"({len(frases_validacion)} frases inglesas distintas) y {len(apartadas)} de parada "
                  f"({len(frases_parada)} frases), partición por frase inglesa (`particion_de_la_receta`)"),
        "modelo": (f"latent_dim {config.latent_dim}, lotes de {config.batch_size}, Adam {config.tasa_aprendizaje}, "
                   f"clipnorm {config.clipnorm}, Dropout {config.dropout}"),
        "maquina": f"{os.cpu_count()} núcleos de CPU ({platform.machine()}); Keras {keras.__version__}",
    }
    fijar_semillas(config.semilla)
    modelo = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, config.latent_dim,
                                             dropout=config.dropout)
    modelos.compilar_receta(modelo, config.tasa_aprendizaje, config.clipnorm)
    modelo.fit(modelos.lotes_de_la_receta(datos, entrenamiento, config, barajar=True),
               validation_data=modelos.lotes_de_la_receta(datos, validacion, config, barajar=False),
               epochs=args.epocas, verbose=0, callbacks=[MedirTraducciones(medir, args.cada, destino, cabecera)])


def escribir_informe(registro: dict, salida: Path, grafico: Path, paciencia: int) -> None:
    filas = registro["filas"]
    medidas = [f for f in filas if "chrf_val" in f]
    if not medidas:
        raise SystemExit("el JSON no tiene ninguna época con traducciones medidas: entrena con más épocas o un --cada menor.")
    perdidas = [f["val_loss"] for f in filas]
    parada = next((i for i in range(len(perdidas)) if i - int(np.argmin(perdidas[: i + 1])) >= paciencia), None)
    elegida = int(np.argmin(perdidas[: len(perdidas) if parada is None else parada + 1])) + 1
    cuando = f"no pararía en estas {len(perdidas)} épocas" if parada is None else f"pararía en la época {parada + 1}"
    mejor_chrf = max(medidas, key=lambda f: f["chrf_val"])
    por_epoca = {f["epoca"]: f for f in medidas}

    def resultado(epoca: int) -> str:
        f = por_epoca.get(epoca)
        return "" if f is None else f" (chrF de validación {f['chrf_val']:.1f}, exactas de entrenamiento {f['exactas_ent']:.1f} %)"

    texto_chrf, elegida_chrf = "", None
    con_parada = [f for f in medidas if "chrf_parada" in f]
    if con_parada and len(con_parada) == len(filas):  # medida en cada época: se simula ParadaPorChrF tal cual
        serie = [f["chrf_parada"] for f in con_parada]
        corte = next((i for i in range(len(serie)) if i - int(np.argmax(serie[: i + 1])) >= paciencia), None)
        elegida_chrf = int(np.argmax(serie[: len(serie) if corte is None else corte + 1])) + 1
        cuando_chrf = f"no pararía en estas {len(serie)} épocas" if corte is None else f"pararía en la época {corte + 1}"
        texto_chrf = (f" Con la del curso (`ParadaPorChrF`, paciencia {paciencia} sobre el chrF de las frases de parada) "
                      f"{cuando_chrf} y se quedaría con los pesos de la **{elegida_chrf}**{resultado(elegida_chrf)}.")
    lineas = [
        "# ¿Cuándo parar? Pérdida de validación frente a chrF de validación", "",
        f"Generado por `benchmarks/parada_temprana.py` el {registro['fecha']}. Orden:", "",
        f"```bash\n{registro['orden']}\n```", "",
        f"- **Datos**: {registro['datos']}.",
        f"- **Modelo**: la receta completa del cuaderno 04 ({registro['modelo']}), **sin** parada temprana.",
        f"- **Máquina**: {registro['maquina']}.", "",
        f"Con la parada temprana del cuaderno 03 (paciencia {paciencia} sobre la pérdida de validación) el entrenamiento "
        f"{cuando} y se quedaría con los pesos de la **{elegida}**{resultado(elegida)}.{texto_chrf} El mejor chrF de "
        f"validación medido es el de la época **{mejor_chrf['epoca']}** ({mejor_chrf['chrf_val']:.1f}).", "",
        "| época | pérdida de entrenamiento | pérdida de validación | exactitud por carácter (validación) | chrF validación "
        "| exactas validación (%) | terminan (%) | chrF entrenamiento | exactas entrenamiento (%) | chrF parada |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in medidas:
        lineas.append(f"| {f['epoca']} | {f['loss']:.3f} | {f['val_loss']:.3f} | {f['val_acc']:.3f} | {f['chrf_val']:.1f} "
                      f"| {f['exactas_val']:.1f} | {f['terminan']:.1f} | {f['chrf_ent']:.1f} | {f['exactas_ent']:.1f} "
                      f"| {f['chrf_parada']:.1f} |" if "chrf_parada" in f else
                      f"| {f['exactas_val']:.1f} | {f['terminan']:.1f} | {f['chrf_ent']:.1f} | {f['exactas_ent']:.1f} | — |")
    lineas += ["", "Pérdidas por carácter real. «exactas»: coincidencia con cualquiera de las referencias de la frase; "
               f"«entrenamiento»: {FRASES_ENTRENAMIENTO} frases de entrenamiento repartidas por todas las longitudes.", "",
               f"![Pérdida y chrF por época](../../imagenes/{grafico.name})", ""]
    salida.write_text("\n".join(lineas), encoding="utf-8")

    figura, (eje_perdida, eje_chrf) = plt.subplots(1, 2, figsize=(12, 4.5))
    epocas = [f["epoca"] for f in filas]
    eje_perdida.plot(epocas, [f["loss"] for f in filas], label="entrenamiento")
    eje_perdida.plot(epocas, perdidas, label="validación")
    eje_perdida.set(title="Pérdida por carácter real", xlabel="época", ylabel="entropía cruzada")
    eje_chrf.plot([f["epoca"] for f in medidas], [f["chrf_val"] for f in medidas], "o-", label="validación")
    eje_chrf.plot([f["epoca"] for f in medidas], [f["chrf_ent"] for f in medidas], "s-", label="entrenamiento")
    if con_parada:
        eje_chrf.plot([f["epoca"] for f in con_parada], [f["chrf_parada"] for f in con_parada], "^-", label="frases de parada")
    eje_chrf.set(title="chrF de las traducciones voraces", xlabel="época", ylabel="chrF")
    for eje in (eje_perdida, eje_chrf):
        eje.axvline(elegida, color="gray", linestyle=":", label=f"elegida por la pérdida de validación ({elegida})")
        if elegida_chrf is not None:
            eje.axvline(elegida_chrf, color="black", linestyle="--", label=f"elegida por el chrF de parada ({elegida_chrf})")
        eje.legend()
        eje.grid(alpha=0.3)
    figura.tight_layout()
    figura.savefig(grafico, dpi=100)
    print(f"Informe en {salida}; gráfico en {grafico}.")


def main(argumentos: list[str] | None = None) -> None:
    args = analizador().parse_args(argumentos)
    if args.solo_informe:
        if not args.json.is_file():
            raise SystemExit(f"error: --solo-informe: no existe {args.json.name!r}; ejecuta antes la orden sin --solo-informe.")
        comprobar_archivo_de_entrada(args.json, "--json")
    else:
        if args.corpus is not None:
            comprobar_archivo_de_entrada(args.corpus, "--corpus")
        comprobar_escribible(args.json, "--json")
    comprobar_escribible(args.salida, "--salida")
    comprobar_escribible(args.grafico, "--grafico")
    if not args.solo_informe:
        entrenar_y_medir(args, args.json)
    registro = json.loads(args.json.read_text(encoding="utf-8"))
    escribir_informe(registro, args.salida, args.grafico, obtener_configuracion(args.config).paciencia)


if __name__ == "__main__":
    main()

"""La receta clásica frente a la que aprende, a la escala del curso: cada cambio del cuaderno 04 por separado.

Entrena, con los mismos datos, la misma partición por frase inglesa, las mismas semillas y las
mismas épocas, las variantes A–D de ``utils.modelos.VARIANTES`` (A es la receta clásica del
cuaderno 03; cada una añade un cambio a la anterior) y, además, el modelo del curso con
``utils.modelos.entrenar_modelo`` (la receta completa, con parada temprana). De cada una mide, sobre
frases de validación que no vio: la pérdida por carácter real tras cada época, cuántas traducciones
voraces terminan, cuántas son exactas (con cualquiera de sus referencias), chrF y BLEU; y también
cuántas frases de entrenamiento salen exactas. Escribe ``benchmarks/resultados/receta.md`` (su tabla
va entre marcas ``<!-- tabla -->`` para que el cuaderno 04 la muestre) y las curvas en
``imagenes/receta_curvas.png``. Con ``--paquete CARPETA`` guarda además el modelo de la receta completa
como paquete del curso (sin el estado del optimizador, con ``entrenamiento.json`` —la orden, la partición
y la historia de cada época— y las huellas de sus frases de entrenamiento): es ``datos/receta/``, el que
carga el cuaderno 04 en «curso» en lugar de entrenarlo en clase, y lo que mide ``calidad.py --reservadas``.

Uso, desde la raíz del repositorio::

    python benchmarks/receta.py --corpus RUTA/A/fra.txt            # configuración «curso»: ~30–60 min en 2 núcleos
    python benchmarks/receta.py --config prueba --epocas 4          # corpus de datos/, un par de minutos
    python benchmarks/receta.py --corpus RUTA/A/fra.txt --epocas 8 --paquete datos/receta   # el del cuaderno 04
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
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_carpeta_escribible, comprobar_escribible, entero,
    ruta_legible, sha256,
)
from utils.configuracion import DIR_IMAGENES  # noqa: E402  (sin TensorFlow)

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
DIR_RESULTADOS = RAIZ / "benchmarks" / "resultados"


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` y los errores de uso son inmediatos)."""
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="fra.txt de Tatoeba (por defecto, el de la configuración)")
    parser.add_argument("--config", default="curso", choices=["curso", "prueba"])
    parser.add_argument("--epocas", type=entero(1), default=15, help="épocas de cada variante A–D")
    parser.add_argument("--salida", type=Path, default=DIR_RESULTADOS / "receta.md")
    parser.add_argument("--curvas", type=Path, default=DIR_IMAGENES / "receta_curvas.png")
    parser.add_argument("--paquete", type=Path, default=None,
                        help="guarda aquí el modelo de la receta completa como paquete del curso (p. ej. datos/receta)")
    return parser


analizar_pronto(__name__, analizador)

import keras  # noqa: E402
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from utils import modelos, paquetes  # noqa: E402
from utils.configuracion import VARIABLE_CORPUS, obtener_configuracion  # noqa: E402
from utils.datos import ids_a_one_hot, preparar_ids  # noqa: E402
from utils.evaluacion import agrupar_referencias, traducir_y_medir  # noqa: E402

FRASES_ENTRENAMIENTO = 300


class Medidor(keras.callbacks.Callback):
    """Pérdida de validación por carácter real y segundos de cada época."""

    def __init__(self, lotes):
        super().__init__()
        self.lotes, self.perdidas, self.segundos = lotes, [], []

    def on_epoch_begin(self, epoch, logs=None):
        self._inicio = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.segundos.append(time.perf_counter() - self._inicio)
        self.perdidas.append(modelos.perdida_por_caracter(self.model, self.lotes))
        print(f"    época {epoch + 1}: {self.perdidas[-1]:.3f} ({self.segundos[-1]:.0f} s)", flush=True)


def preparar_medida(config):
    """Datos, partición por frase inglesa (``particion_de_la_receta``), referencias, frases que se traducen y ``medir(modelo)``.

    ``medir`` traduce (voraz, por lotes) las frases inglesas distintas de validación y
    ``FRASES_ENTRENAMIENTO`` de entrenamiento repartidas por todas las longitudes, con todas sus
    referencias, y devuelve ``{"validación": …, "entrenamiento": …}`` con lo que da ``traducir_y_medir``.
    También la usa ``parada_temprana.py``.
    """
    datos = preparar_ids(config)
    # Las frases de parada (las que decide cuándo parar entrenar_modelo) no se entrenan ni se miden.
    entrenamiento, _, validacion = modelos.particion_de_la_receta(datos, config)
    referencias = agrupar_referencias(datos.input_texts, [t[1:-1] for t in datos.target_texts])
    muestra = entrenamiento[np.linspace(0, len(entrenamiento) - 1, FRASES_ENTRENAMIENTO).astype(int)]
    frases = {
        "validación": list(dict.fromkeys(datos.input_texts[j] for j in validacion)),
        "entrenamiento": list(dict.fromkeys(datos.input_texts[j] for j in muestra)),
    }

    def medir(modelo) -> dict:
        inferencia = modelos.construir_modelos_inferencia(modelo)
        return {parte: traducir_y_medir(f, [referencias[x] for x in f], *inferencia, datos.vocab) for parte, f in frases.items()}

    return datos, entrenamiento, validacion, referencias, frases, medir


def empaquetar(modelo, historial: dict, datos, entrenamiento, config, args, orden: str, segundos: float) -> None:
    """Guarda el modelo de la receta completa como paquete del curso, con el formato del preentrenado.

    Un modelo nuevo sin compilar (sin *dropout* ni estado del optimizador) con los pesos elegidos, y dentro del
    mismo guardado atómico ``entrenamiento.json`` (lo que lee ``modelos.cargar_preentrenado``) y las huellas de
    las frases inglesas de entrenamiento. La partición guarda ``pares``: ``calidad.py --reservadas`` lee esos
    primeros pares del archivo y mide la misma validación que el cuaderno 04.
    """
    vocab = datos.vocab
    limpio = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, config.latent_dim)
    limpio.set_weights(modelo.get_weights())
    registro = {
        "orden": orden,
        "corpus": args.corpus.name if args.corpus else "corpus de la configuración",
        "corpus_sha256": sha256(args.corpus) if args.corpus else "",
        "particion": {"tipo": "por frase inglesa (particion_de_la_receta)", "pares": config.num_pares,
                      "fraccion": config.fraccion_validacion, "semilla": config.semilla,
                      "parada_de_entrenamiento": {"fraccion": config.fraccion_parada,
                                                  "criterio": "chrF voraz de las frases de parada"}},
        "pares": len(datos.input_texts), "entrenamiento": len(entrenamiento),
        "epocas": len(historial["loss"]), "mejor_epoca": modelos.mejor_epoca(historial), "segundos": round(segundos),
        "fecha": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "maquina": f"{os.cpu_count()} núcleos de CPU ({platform.machine()}), sin GPU",
        "versiones": {"python": platform.python_version(), "keras": keras.__version__, "numpy": np.__version__},
        "historia": {k: [round(float(v), 5) for v in vs] for k, vs in historial.items()},
    }
    archivos = {paquetes.ARCHIVO_ENTRENAMIENTO: json.dumps(registro, ensure_ascii=False, indent=1).encode("utf-8")}
    paquetes.guardar_modelo(limpio, vocab, config, args.paquete, archivos=archivos,
                            frases_vistas=[datos.input_texts[i] for i in entrenamiento])
    print(f"Paquete guardado en {ruta_legible(args.paquete)}", flush=True)


def main(argumentos: list[str] | None = None) -> None:
    args = analizador().parse_args(argumentos)
    if args.corpus is not None:
        comprobar_archivo_de_entrada(args.corpus, "--corpus")
    comprobar_escribible(args.salida, "--salida")
    comprobar_escribible(args.curvas, "--curvas")
    comprobar_carpeta_escribible(DIR_RESULTADOS / "tmp", "benchmarks/resultados/tmp")
    if args.paquete is not None:
        comprobar_carpeta_escribible(args.paquete, "--paquete")
        try:
            paquetes.comprobar_destino_de_paquete(args.paquete)
        except (OSError, ValueError) as error:
            raise SystemExit(f"error: --paquete: {error}") from None
    config = obtener_configuracion(args.config)
    if args.corpus is not None:
        os.environ[VARIABLE_CORPUS] = str(args.corpus)
    datos, entrenamiento, validacion, referencias, frases, medir = preparar_medida(config)
    parada = modelos.particion_de_la_receta(datos, config)[1]
    vocab = datos.vocab
    arreglos = (datos.encoder_input_ids, datos.decoder_input_ids, datos.decoder_target_ids)
    lotes_validacion = modelos.LotesPorLongitud(*(a[validacion] for a in arreglos), batch_size=config.batch_size, barajar=False)
    resultados = {}
    x = [arreglos[0][entrenamiento], arreglos[1][entrenamiento]]
    y = arreglos[2][entrenamiento]
    for variante, descripcion in modelos.VARIANTES.items():
        print(f"Variante {variante}: {descripcion}", flush=True)
        keras.utils.set_random_seed(config.semilla)
        modelo = modelos.construir_variante(variante, vocab.num_encoder_tokens, vocab.num_decoder_tokens, config)
        xv, yv = x, y
        if variante == "A":
            xv = [ids_a_one_hot(x[0], vocab.num_encoder_tokens), ids_a_one_hot(x[1], vocab.num_decoder_tokens)]
            yv = ids_a_one_hot(y, vocab.num_decoder_tokens)
        medidor = Medidor(lotes_validacion)
        modelo.fit(xv, yv, batch_size=config.batch_size, epochs=args.epocas, callbacks=[medidor], verbose=0)
        del xv, yv
        resultados[variante] = {"perdidas": medidor.perdidas, "segundos": medidor.segundos, **medir(modelo)}

    print("La receta completa (entrenar_modelo, con parada temprana)", flush=True)
    medidor = Medidor(lotes_validacion)
    inicio = time.perf_counter()
    modelo, historial = modelos.entrenar_modelo(datos, config, verbose=False, callbacks=[medidor])
    segundos_receta = time.perf_counter() - inicio
    mejor = modelos.mejor_epoca(historial)
    resultados["receta"] = {"perdidas": medidor.perdidas, "segundos": medidor.segundos, "mejor": mejor, **medir(modelo)}

    corpus = args.corpus.name if args.corpus else ("Tatoeba (descarga)" if config.datos_completos else "datos/fra-eng-curso.txt")
    orden = "python benchmarks/receta.py" + (" --corpus RUTA/A/fra.txt" if args.corpus else "") + \
        (f" --config {args.config}" if args.config != "curso" else "") + (f" --epocas {args.epocas}" if args.epocas != 15 else "")
    if args.paquete is not None:
        orden += " --paquete " + ruta_legible(args.paquete).rstrip("/")
        empaquetar(modelo, historial, datos, entrenamiento, config, args, orden, segundos_receta)
    filas = []
    for nombre, r in resultados.items():
        como = "por chrF" if config.parada == "chrf" else "por la pérdida"
        etiqueta = f"{nombre}. {modelos.VARIANTES[nombre]}" if nombre in modelos.VARIANTES else \
            f"**Receta completa** (`entrenar_modelo`, parada {como}: {len(r['perdidas'])} épocas, pesos de la {r['mejor']})"
        epocas = len(r["perdidas"])
        filas.append(
            f"| {etiqueta} | {epocas} | {r['perdidas'][min(args.epocas, epocas) - 1]:.3f} | {min(r['perdidas']):.3f} | "
            f"{r['validación']['terminan']:.1f} | {r['validación']['coincidencia_exacta']:.1f} | {r['validación']['chrf']:.1f} | "
            f"{r['validación']['bleu']:.1f} | {r['entrenamiento']['coincidencia_exacta']:.1f} | "
            f"{np.mean(r['segundos'][1:] or r['segundos']):.0f} | {sum(r['segundos']) / 60:.1f} |")
    texto = [
        "# La receta clásica frente a la que aprende, a la escala del curso", "",
        f"Generado por `benchmarks/receta.py` el {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. Orden:", "",
        f"```bash\n{orden}\n```", "",
        f"- **Datos**: {corpus}, los primeros {config.num_pares} pares; {len(entrenamiento)} de entrenamiento (todas las "
        f"variantes), {len(parada)} de parada (las frases con las que la receta completa decide cuándo parar; nadie las "
        f"entrena) y {len(validacion)} de validación, partición por frase inglesa (`particion_de_la_receta`, fracciones "
        f"{config.fraccion_validacion} y {config.fraccion_parada}, semilla {config.semilla}); {len(frases['validación'])} "
        f"frases inglesas distintas en validación, evaluadas con todas sus referencias.",
        f"- **Modelo**: `latent_dim` = {config.latent_dim}, lotes de {config.batch_size}; las variantes A–D, {args.epocas} "
        f"épocas cada una y sin `Dropout`; la receta completa usa la configuración «{config.nombre}» (Adam {config.tasa_aprendizaje}, "
        f"`clipnorm` {config.clipnorm}, `Dropout` {config.dropout}, hasta {config.epocas} épocas; parada "
        f"{'por el chrF de las frases de parada' if config.parada == 'chrf' else 'por la pérdida de validación'}, "
        f"paciencia {config.paciencia}, con los pesos de la mejor época).",
        f"- **Máquina**: {os.cpu_count()} núcleos de CPU, sin GPU; Python {platform.python_version()}, Keras {keras.__version__}; "
        "otros procesos compartían los núcleos: los segundos son orientativos.", "",
        "<!-- tabla -->",
        f"| variante | épocas | pérdida por carácter tras {args.epocas} épocas | mejor pérdida | terminan (%) | exactas (%) | chrF | BLEU | "
        "exactas en entrenamiento (%) | s por época | min en total |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *filas, "",
        "«pérdida»: entropía cruzada media por carácter real de la validación (`perdida_por_caracter`), la misma escala para todas. "
        "«terminan», «exactas», chrF y BLEU: traducciones voraces de las frases de validación; «exactas en entrenamiento»: "
        f"{len(frases['entrenamiento'])} frases de entrenamiento repartidas por todas las longitudes.",
        "<!-- tabla -->", "",
        "![Curvas](../../imagenes/receta_curvas.png)", "",
        "## Ejemplos (validación)", "",
        "| inglés | referencias | A (clásica) | receta completa |", "|---|---|---|---|",
    ]
    validacion_frases = frases["validación"]
    for k in range(0, len(validacion_frases), max(1, len(validacion_frases) // 10))[:10]:
        f = validacion_frases[k]
        texto.append(f"| {f} | {' / '.join(referencias[f])} | {resultados['A']['validación']['salidas'][k][:45]} | "
                     f"{resultados['receta']['validación']['salidas'][k]} |")
    (DIR_RESULTADOS / "tmp").mkdir(parents=True, exist_ok=True)
    (DIR_RESULTADOS / "tmp" / "receta.json").write_text(json.dumps(
        {n: {k: ({kk: vv for kk, vv in v.items() if kk != "salidas"} if isinstance(v, dict) else v) for k, v in r.items()}
         for n, r in resultados.items()}, ensure_ascii=False, default=float), encoding="utf-8")
    args.salida.write_text("\n".join(texto) + "\n", encoding="utf-8")

    fig, eje = plt.subplots(figsize=(8, 4.5))
    for nombre, r in resultados.items():
        etiqueta = f"{nombre}. {modelos.VARIANTES[nombre].split(':')[0]}" if nombre in modelos.VARIANTES else "receta completa"
        eje.plot(range(1, len(r["perdidas"]) + 1), r["perdidas"], "o-" if nombre != "receta" else "k-", label=etiqueta, markersize=3)
    eje.set_xlabel("época")
    eje.set_ylabel("pérdida de validación por carácter real")
    eje.set_title(f"La receta clásica y cada cambio ({config.num_pares} pares, latent_dim={config.latent_dim})")
    eje.grid(alpha=0.3)
    eje.legend()
    fig.tight_layout()
    fig.savefig(args.curvas, dpi=100)
    print(args.salida.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()

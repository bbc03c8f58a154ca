"""Rendimiento y escala: el flujo del curso al lado de la receta clásica, en una sola ejecución.

Mide, en este orden, y escribe la tabla en ``benchmarks/resultados/rendimiento.md``:

1. **Entrenamiento**: la receta clásica (arreglos *one-hot* densos en memoria, ``fit`` sobre
   NumPy) frente al camino ligero del cuaderno 03 (enteros, *one-hot* dentro del modelo con
   ``CapaOneHot``, pérdida dispersa con ``ignore_class=-1`` y lotes agrupados por longitud).
   Cada una en su propio subproceso, para que su pico de memoria (``ru_maxrss``) sea solo
   suyo: muestras por segundo (sin la primera época), pico de memoria y pérdida de validación
   por carácter real, medida igual para las dos y sobre la misma partición.
2. **Decodificación**: el bucle clásico con ``predict`` carácter a carácter frente a
   ``utils.decodificacion.decodificar_lote``, con el modelo ligero recién entrenado.
3. **Escala**: el camino ligero con un corpus grande (por defecto, todos los pares del archivo)
   y lo que ocuparían sus arreglos *one-hot* (calculado, sin crearlos).
4. **Pruebas**: cuánto tarda ``python -m pytest`` entero (se salta con ``--sin-pruebas``).

Uso, desde la raíz del repositorio::

    python benchmarks/benchmark.py                                         # corpus del curso, 1 000 pares
    python benchmarks/benchmark.py --corpus RUTA/A/fra.txt --pares 10000   # la escala clásica

``--corpus`` acepta el ``fra.txt`` de Tatoeba (manythings.org) o cualquier archivo con el mismo
formato. Con ``--pares 10000`` tarda unos 20–30 min en una CPU de 2 núcleos (``--sin-pruebas``
ahorra los minutos de las pruebas). ``python benchmarks/benchmark.py --help`` lista las opciones.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
if str(RAIZ) not in sys.path:
    sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: argumentos.py
from argumentos import (  # noqa: E402  (ayuda y errores de uso en español)
    Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_carpeta_escribible, comprobar_escribible, entero,
    fraccion, lista_de_enteros, numero,
)
from utils.datos import CORPUS_CURSO  # noqa: E402  (sin TensorFlow)

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # sin el registro de arranque de TensorFlow
DIR_RESULTADOS = RAIZ / "benchmarks" / "resultados"
DIR_TEMPORAL = DIR_RESULTADOS / "tmp"  # ignorada por git
FASES = ("entrenamiento", "decodificacion", "escala", "pruebas")


def lista_de_fases(texto: str) -> list[str]:
    """Tipo de ``--fases``: fases separadas por comas, todas de ``FASES``."""
    fases = [f.strip() for f in texto.split(",")]
    desconocidas = [f for f in fases if f not in FASES]
    if desconocidas:
        raise argparse.ArgumentTypeError(f"fases desconocidas: {', '.join(map(repr, desconocidas))}. Las válidas: {', '.join(FASES)}")
    return fases


def analizador() -> Analizador:
    """Las opciones de la orden (sin importar TensorFlow: ``--help`` y los errores de uso son inmediatos)."""
    p = Analizador(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=CORPUS_CURSO, help="archivo inglés<TAB>francés (por defecto, el de datos/)")
    p.add_argument("--pares", type=entero(0), default=1000, help="pares (los primeros del archivo) para entrenar y decodificar; 0: todos (1000)")
    p.add_argument("--pares-escala", type=entero(0), default=None, help="pares de la prueba de escala (por defecto, todos)")
    p.add_argument("--epocas", type=entero(1), default=5, help="épocas de cada receta en la comparación (5)")
    p.add_argument("--epocas-escala", type=entero(0), default=1, help="épocas de la prueba de escala; 0 la salta (1)")
    p.add_argument("--frases", type=lista_de_enteros(1), default=[100, 1000],
                   help="tamaños de la comparación de decodificación (100,1000)")
    p.add_argument("--frases-predict", type=entero(1), default=100,
                   help="frases que se decodifican de verdad con predict; el resto se extrapola (100)")
    p.add_argument("--latent-dim", type=entero(1), default=256)
    p.add_argument("--batch-size", type=entero(1), default=64)
    p.add_argument("--tasa", type=numero(0.0, abierto=True), default=0.001, help="tasa de aprendizaje de RMSprop (0.001)")
    p.add_argument("--fraccion-validacion", type=fraccion, default=0.2)
    p.add_argument("--semilla", type=entero(0), default=42)
    p.add_argument("--sin-pruebas", action="store_true", help="no mide el tiempo de python -m pytest")
    p.add_argument("--salida", type=Path, default=DIR_RESULTADOS / "rendimiento.md")
    p.add_argument("--fases", type=lista_de_fases, default=None,
                   help=f"solo estas fases ({','.join(FASES)}); las demás se toman de la última ejecución guardada")
    p.add_argument("--solo-informe", action="store_true",
                   help="rehace rendimiento.md con las medidas guardadas en resultados/tmp/ (sin medir nada)")
    p.add_argument("--tarea", choices=["denso", "ligero"], help=argparse.SUPPRESS)  # uso interno: subprocesos
    p.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--guardar", type=Path, help=argparse.SUPPRESS)
    return p


def analizar_argumentos(argv=None) -> argparse.Namespace:
    """Las opciones, con lo que se leerá y se escribirá comprobado antes de medir nada (errores de uso, no trazas)."""
    args = analizador().parse_args(argv)
    if args.tarea:  # subproceso de esta orden: ya se comprobó todo
        return args
    comprobar_escribible(args.salida, "--salida")
    guardado = DIR_TEMPORAL / "resultados.json"
    if (args.solo_informe or args.fases is not None and set(args.fases) != set(FASES)) and not guardado.is_file():
        opcion = "--solo-informe" if args.solo_informe else "--fases"
        print(f"error: {opcion}: no hay medidas guardadas de una ejecución anterior (benchmarks/resultados/tmp/"
              "resultados.json): ejecuta antes la orden con todas las fases.", file=sys.stderr)
        raise SystemExit(2)
    if not args.solo_informe:
        comprobar_archivo_de_entrada(args.corpus, "--corpus")
        comprobar_carpeta_escribible(DIR_TEMPORAL, "benchmarks/resultados/tmp")
    return args


analizar_pronto(__name__, analizador)

import keras  # noqa: E402
import numpy as np  # noqa: E402

from utils import modelos  # noqa: E402
from utils.configuracion import fijar_semillas  # noqa: E402
from utils.datos import (  # noqa: E402
    FIN,
    ID_RELLENO,
    INICIO,
    agregar_tokens,
    bytes_one_hot,
    crear_vocabulario,
    fraccion_de_relleno,
    ids_a_one_hot,
    leer_pares,
    longitudes_sin_relleno,
    preparar_ids,
    vectorizar_ids,
    vectorizar_one_hot,
)
from utils.decodificacion import decodificar_lote, pasos_maximos  # noqa: E402

MIB = 1024**2
OBJETIVOS = {  # lo que este benchmark quiere mostrar (no forzar): ver la tabla de objetivos
    "lote_100": 200, "lote_1000": 1000, "memoria": 0.45, "velocidad": 1.5, "escala_gib": 2.5, "pruebas_min": 10,
}


# --- Utilidades de medida ---------------------------------------------------------------------
def pico_mib() -> float:
    """Pico de memoria residente de este proceso, en MiB (``ru_maxrss`` está en KiB en Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def carga() -> str:
    """Carga media del sistema (1, 5 y 15 min): otros procesos comparten los núcleos."""
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "desconocida"


class Cronometro(keras.callbacks.Callback):
    """Segundos de la parte de entrenamiento de cada época (sin la validación que hace ``fit``)."""

    def on_train_begin(self, logs=None):
        self.segundos = []
        self._inicio = None

    def on_epoch_begin(self, epoch, logs=None):
        self._inicio = time.perf_counter()

    def on_test_begin(self, logs=None):  # dentro de fit, la validación empieza al acabar los lotes
        if self._inicio is not None:
            self.segundos.append(time.perf_counter() - self._inicio)
            self._inicio = None

    def on_epoch_end(self, epoch, logs=None):
        if self._inicio is not None:  # fit sin validación
            self.on_test_begin()


def leer_textos(ruta: Path, pares: int | None) -> tuple[list[str], list[str]]:
    corpus = leer_pares(ruta, num_pares=pares, mostrar_resumen=False)
    return corpus.ingles, [agregar_tokens(frase) for frase in corpus.frances]


# --- Subprocesos de entrenamiento ----------------------------------------------------------------
def tarea_denso(args) -> dict:
    """La receta clásica del cuaderno 03 (como ``entrenar_modelo``): arreglos *one-hot* y ``fit`` sobre NumPy."""
    base = pico_mib()
    fijar_semillas(args.semilla)
    input_texts, target_texts = leer_textos(args.corpus, args.pares or None)
    vocab = crear_vocabulario(input_texts, target_texts)
    encoder_input_data, decoder_input_data, decoder_target_data = vectorizar_one_hot(input_texts, target_texts, vocab)
    bytes_arreglos = encoder_input_data.nbytes + decoder_input_data.nbytes + decoder_target_data.nbytes
    entrenamiento, validacion = modelos.indices_de_validacion(input_texts, args.fraccion_validacion, args.semilla)
    modelo = modelos.construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, args.latent_dim)
    modelo.compile(optimizer=keras.optimizers.RMSprop(args.tasa), loss="categorical_crossentropy")
    cronometro = Cronometro()
    historial = modelo.fit(
        [encoder_input_data[entrenamiento], decoder_input_data[entrenamiento]], decoder_target_data[entrenamiento],
        validation_data=([encoder_input_data[validacion], decoder_input_data[validacion]], decoder_target_data[validacion]),
        batch_size=args.batch_size, epochs=args.epocas, callbacks=[cronometro], verbose=0,
    ).history
    pico = pico_mib()  # antes de crear nada más
    ids = vectorizar_ids([input_texts[i] for i in validacion], [target_texts[i] for i in validacion], vocab)
    lotes_validacion = modelos.LotesPorLongitud(*ids, batch_size=args.batch_size, barajar=False)
    return {
        "tarea": "denso", "pares": len(input_texts), "entrenamiento": len(entrenamiento), "validacion": len(validacion),
        "segundos_por_epoca": cronometro.segundos, "pico_mib": pico, "base_mib": base,
        "bytes_arreglos": bytes_arreglos, "val_loss_keras": historial["val_loss"],
        "perdida_val_por_caracter": modelos.perdida_por_caracter(modelo, lotes_validacion),
    }


def tarea_ligero(args) -> dict:
    """El camino ligero: enteros, *one-hot* dentro del modelo, pérdida dispersa y lotes por longitud."""
    base = pico_mib()
    fijar_semillas(args.semilla)
    datos = preparar_ids(ruta=args.corpus, num_pares=args.pares or None)
    vocab = datos.vocab
    arreglos = (datos.encoder_input_ids, datos.decoder_input_ids, datos.decoder_target_ids)
    entrenamiento, validacion = modelos.indices_de_validacion(datos.input_texts, args.fraccion_validacion, args.semilla)
    lotes = modelos.LotesPorLongitud(*(a[entrenamiento] for a in arreglos), batch_size=args.batch_size, semilla=args.semilla)
    lotes_validacion = modelos.LotesPorLongitud(*(a[validacion] for a in arreglos), batch_size=args.batch_size, barajar=False)
    longitudes = longitudes_sin_relleno(datos.decoder_input_ids[entrenamiento])
    relleno_clasico = fraccion_de_relleno(longitudes, [np.arange(len(longitudes))])
    relleno_agrupado = fraccion_de_relleno(longitudes, lotes.lotes)
    modelo = modelos.construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, args.latent_dim, enmascarar=False)
    modelo.compile(optimizer=keras.optimizers.RMSprop(args.tasa),
                   loss=keras.losses.SparseCategoricalCrossentropy(ignore_class=ID_RELLENO))
    cronometro = Cronometro()
    historial = modelo.fit(lotes, validation_data=lotes_validacion, epochs=args.epocas, callbacks=[cronometro], verbose=0).history
    pico = pico_mib()
    if args.guardar:
        modelo.save(args.guardar)
    return {
        "tarea": "ligero", "pares": len(datos.input_texts), "entrenamiento": len(entrenamiento), "validacion": len(validacion),
        "segundos_por_epoca": cronometro.segundos, "pico_mib": pico, "base_mib": base,
        "bytes_arreglos": sum(a.nbytes for a in arreglos), "bytes_one_hot": bytes_one_hot(len(datos.input_texts), vocab),
        "val_loss_keras": historial["val_loss"], "perdida_val_por_caracter": modelos.perdida_por_caracter(modelo, lotes_validacion),
        "relleno_clasico": relleno_clasico, "relleno_agrupado": relleno_agrupado,
        "vocab": [vocab.num_encoder_tokens, vocab.num_decoder_tokens, vocab.max_encoder_seq_length, vocab.max_decoder_seq_length],
    }


def lanzar(tarea: str, args, pares: int | None, epocas: int, guardar: Path | None = None) -> dict:
    """Ejecuta una tarea de entrenamiento en un proceso nuevo y devuelve lo que midió."""
    DIR_TEMPORAL.mkdir(parents=True, exist_ok=True)
    salida = DIR_TEMPORAL / f"{tarea}_{pares}.json"
    orden = [sys.executable, str(Path(__file__).resolve()), "--tarea", tarea, "--corpus", str(args.corpus),
             "--epocas", str(epocas), "--latent-dim", str(args.latent_dim), "--batch-size", str(args.batch_size),
             "--semilla", str(args.semilla), "--json", str(salida)]
    orden += ["--pares", str(pares or 0)]  # 0: todos los pares del archivo
    orden += ["--guardar", str(guardar)] if guardar else []
    print(f"  [{tarea}, {pares or 'todos los'} pares, {epocas} épocas] carga {carga()}…", flush=True)
    inicio = carga()
    proceso = subprocess.run(orden, cwd=RAIZ, capture_output=True, text=True)
    if proceso.returncode != 0:
        raise RuntimeError(f"la tarea {tarea} falló:\n{proceso.stderr[-3000:]}")
    return {**json.loads(salida.read_text(encoding="utf-8")), "carga": f"{inicio} → {carga()}"}


def muestras_por_segundo(resultado: dict) -> float:
    """Muestras de entrenamiento por segundo, sin la primera época (trazado del grafo y arranque)."""
    segundos = resultado["segundos_por_epoca"][1:] or resultado["segundos_por_epoca"]
    return resultado["entrenamiento"] / float(np.mean(segundos))


# --- Decodificación ----------------------------------------------------------------------------
def decodificar_con_predict(input_seq, encoder_model, decoder_model, vocab) -> str:
    """El bucle voraz clásico, con ``model.predict`` en cada paso (la regla de parada del curso)."""
    states_value = encoder_model.predict(input_seq, verbose=0)
    target_seq = np.zeros((1, 1, vocab.num_decoder_tokens), dtype="float32")
    target_seq[0, 0, vocab.target_token_index[INICIO]] = 1.0
    decoded_sentence = ""
    for _ in range(pasos_maximos(vocab)):
        output_tokens, h, c = decoder_model.predict([target_seq, *states_value], verbose=0)
        sampled_token_index = int(np.argmax(output_tokens[0, -1, :]))
        sampled_char = vocab.reverse_target_char_index[sampled_token_index]
        if sampled_char == FIN:
            break
        decoded_sentence += sampled_char
        target_seq = np.zeros((1, 1, vocab.num_decoder_tokens), dtype="float32")
        target_seq[0, 0, sampled_token_index] = 1.0
        states_value = [h, c]
    return decoded_sentence


def llamadas_predict(traducciones: list[str], vocab) -> int:
    """Llamadas a ``predict`` del bucle clásico: 1 al codificador + 1 por carácter (+1 para el fin)."""
    return sum(1 + min(len(t) + 1, pasos_maximos(vocab)) for t in traducciones)


def medir_decodificacion(args, ruta_modelo: Path) -> dict:
    """``predict`` por carácter frente a ``decodificar_lote`` sobre frases de validación."""
    modelo = keras.saving.load_model(ruta_modelo, safe_mode=True)
    encoder_model, decoder_model = modelos.construir_modelos_inferencia(modelo)
    datos = preparar_ids(ruta=args.corpus, num_pares=args.pares or None)
    vocab = datos.vocab
    _, validacion = modelos.indices_de_validacion(datos.input_texts, args.fraccion_validacion, args.semilla)
    orden = np.random.default_rng(args.semilla).permutation(validacion)  # frases de todas las longitudes
    if len(orden) < max(args.frases):
        orden = np.random.default_rng(args.semilla).permutation(len(datos.input_texts))
    encoder_input_data = ids_a_one_hot(datos.encoder_input_ids[orden[: max(args.frases)]], vocab.num_encoder_tokens)
    n_predict = min(args.frases_predict, len(encoder_input_data))

    carga_inicio = carga()
    decodificar_con_predict(encoder_input_data[:1], encoder_model, decoder_model, vocab)  # calentamiento
    decodificar_lote(encoder_input_data[:2], encoder_model, decoder_model, vocab)
    print(f"  predict carácter a carácter: {n_predict} frases (carga {carga()})…", flush=True)
    con_predict, tiempos = [], []  # el tiempo de cada frase, para dar el medido de las n primeras
    for i in range(n_predict):
        inicio = time.perf_counter()
        con_predict.append(decodificar_con_predict(encoder_input_data[i : i + 1], encoder_model, decoder_model, vocab))
        tiempos.append(time.perf_counter() - inicio)
    por_llamada = sum(tiempos) / llamadas_predict(con_predict, vocab)

    filas = []
    for n in args.frases:
        n = min(n, len(encoder_input_data))
        # Calentamiento con la forma de este lote (un paso): la primera llamada con una forma nueva traza el grafo.
        estados = encoder_model.predict_on_batch(encoder_input_data[:n])
        decoder_model.predict_on_batch([np.zeros((n, 1, vocab.num_decoder_tokens), "float32"), *estados])
        inicio = time.perf_counter()
        por_lote = decodificar_lote(encoder_input_data[:n], encoder_model, decoder_model, vocab)
        segundos_lote = time.perf_counter() - inicio
        comunes = min(n, n_predict)
        iguales = sum(a == b for a, b in zip(con_predict[:comunes], por_lote[:comunes]))
        if n <= n_predict:
            segundos, nota = sum(tiempos[:n]), "medido"
        else:
            segundos = por_llamada * llamadas_predict(por_lote, vocab)
            nota = (f"extrapolado de {n_predict} frases: {por_llamada * 1000:.0f} ms por llamada × "
                    f"{llamadas_predict(por_lote, vocab)} llamadas")
        filas.append({"frases": n, "segundos_predict": segundos, "nota_predict": nota, "segundos_lote": segundos_lote,
                      "iguales": iguales, "comparadas": comunes, "ejemplo": por_lote[0],
                      "entrada": datos.input_texts[int(orden[0])]})
    return {"filas": filas, "ms_por_llamada": por_llamada * 1000, "n_predict": n_predict, "carga": carga_inicio}


# --- Pruebas -------------------------------------------------------------------------------------
def medir_pruebas() -> dict:
    """Tiempo de pared de ``python -m pytest`` entero (unitarias y cuadernos con nbval)."""
    carga_inicio = carga()
    print(f"  python -m pytest (carga {carga_inicio})…", flush=True)
    inicio = time.perf_counter()
    proceso = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=RAIZ,
                             capture_output=True, text=True)
    segundos = time.perf_counter() - inicio
    (DIR_TEMPORAL / "pytest.txt").write_text(proceso.stdout[-20000:], encoding="utf-8")  # para ver qué falló
    resumen = next((linea.strip("= ") for linea in reversed(proceso.stdout.splitlines()) if linea.strip()), "")
    return {"segundos": segundos, "resumen": resumen, "codigo": proceso.returncode, "carga": carga_inicio}


# --- Informe -------------------------------------------------------------------------------------
def mib(x: float) -> str:
    return f"{x:,.0f} MiB".replace(",", " ")


def marca(cumple: bool | None) -> str:
    """✔ o ✘ según el objetivo; «sin medir» si la medida no vale (una ejecución que falló)."""
    if cumple is None:
        return "— sin medir"
    return "✔ cumple" if cumple else "✘ no cumple"


def describir_orden(args) -> str:
    """La orden, sin rutas de esta máquina: un corpus de fuera del repositorio se escribe RUTA/A/fra.txt."""
    try:
        corpus = args.corpus.resolve().relative_to(RAIZ).as_posix()
    except ValueError:
        corpus = "RUTA/A/fra.txt"
    partes = ["python benchmarks/benchmark.py"]
    if args.corpus.resolve() != CORPUS_CURSO.resolve():
        partes.append(f"--corpus {corpus}")
    partes += [f"--pares {args.pares}"] if args.pares else []
    partes += [f"--pares-escala {args.pares_escala}"] if args.pares_escala else []
    partes += ["--sin-pruebas"] if args.sin_pruebas else []
    return " ".join(partes)


def informe(args, r: dict) -> str:
    denso, ligero, escala, deco = r["denso"], r["ligero"], r.get("escala"), r["decodificacion"]
    vps_denso, vps_ligero = muestras_por_segundo(denso), muestras_por_segundo(ligero)
    ne, nd, me, md = ligero["vocab"]
    versiones = f"Python {platform.python_version()}, TensorFlow {r['tensorflow']}, Keras {keras.__version__}, NumPy {np.__version__}"
    lineas = [
        "# Rendimiento y escala: el flujo del curso al lado de la receta clásica", "",
        f"Generado por `benchmarks/benchmark.py` el {r['fecha']}. Orden:", "", "```bash", describir_orden(args), "```", "",
        *([f"Fases medidas de nuevo más tarde con `--fases`: {'; '.join(r['parciales'])}.", ""] if r.get("parciales") else []),
        f"- **Máquina**: {os.cpu_count()} núcleos de CPU, sin GPU; {platform.system()} {platform.release()} "
        f"({platform.machine()}); {versiones}.",
        f"- **Carga media** del sistema (1/5/15 min) al empezar: {r['carga_inicio']}; al terminar: {r['carga_fin']}. "
        "Otros procesos compartían los núcleos durante la medida: los tiempos absolutos son orientativos, las "
        "proporciones entre métodos medidos a la vez, más fiables.",
        f"- **Datos**: {r['descripcion_corpus']}; {denso['pares']} pares ({denso['entrenamiento']} de entrenamiento y "
        f"{denso['validacion']} de validación, con `utils.modelos.indices_de_validacion`); {ne} caracteres de entrada "
        f"y {nd} de salida, `max_encoder_seq_length` = {me}, `max_decoder_seq_length` = {md}.",
        f"- **Modelo**: `latent_dim` = {args.latent_dim}, lotes de {args.batch_size}, RMSprop con tasa {args.tasa}, "
        f"semilla {args.semilla}.", "",
        "## Entrenamiento: receta clásica frente al camino ligero", "",
        f"Cada una en su propio proceso; {args.epocas} épocas; muestras por segundo sin la primera época y sin la "
        "validación de cada época; pico de memoria = `ru_maxrss` del proceso (incluye TensorFlow, unos "
        f"{mib(ligero['base_mib'])} antes de leer los datos). La pérdida de validación es la entropía cruzada media "
        "**por carácter real** sobre la misma validación, calculada igual para los dos con "
        "`utils.modelos.perdida_por_caracter` (la `val_loss` de Keras de la receta clásica divide también entre el "
        "relleno y no es comparable).", "",
        "| | Receta clásica (*one-hot* densos) | Camino ligero | Ligero / clásica |", "|---|---|---|---|",
        f"| Arreglos en memoria | {mib(denso['bytes_arreglos'] / MIB)} | {ligero['bytes_arreglos'] / MIB:.1f} MiB | "
        f"{ligero['bytes_arreglos'] / denso['bytes_arreglos']:.3f} |",
        f"| Pico de memoria del proceso | {mib(denso['pico_mib'])} | {mib(ligero['pico_mib'])} | "
        f"**{ligero['pico_mib'] / denso['pico_mib']:.2f}** |",
        f"| Segundos por época (sin la 1.ª) | {np.mean(denso['segundos_por_epoca'][1:]):.1f} | "
        f"{np.mean(ligero['segundos_por_epoca'][1:]):.1f} | |",
        f"| Muestras por segundo | {vps_denso:.0f} | {vps_ligero:.0f} | **{vps_ligero / vps_denso:.2f}×** |",
        f"| Pérdida de validación por carácter tras {args.epocas} épocas | {denso['perdida_val_por_caracter']:.4f} | "
        f"{ligero['perdida_val_por_caracter']:.4f} | |",
        f"| Relleno en las entradas del decodificador (entrenamiento) | {100 * ligero['relleno_clasico']:.1f} % | "
        f"{100 * ligero['relleno_agrupado']:.1f} % | |", "",
        f"Segundos de cada época: clásica {', '.join(f'{s:.1f}' for s in denso['segundos_por_epoca'])}; "
        f"ligera {', '.join(f'{s:.1f}' for s in ligero['segundos_por_epoca'])}. Carga media al empezar → al "
        f"terminar cada proceso: clásica {denso.get('carga', '?')}; ligera {ligero.get('carga', '?')}.", "",
        "## Decodificación voraz: `predict` por carácter frente a `decodificar_lote`", "",
        f"Modelo: el ligero recién entrenado ({args.epocas} épocas), cargado del `.keras` con `safe_mode=True`; "
        "modelos de inferencia de `utils.modelos.construir_modelos_inferencia`. Frases de validación al azar "
        f"(semilla {args.semilla}); antes de cronometrar, una llamada de calentamiento con cada forma de lote "
        f"(la primera traza el grafo). Carga media al empezar: {deco.get('carga', '?')}. Una llamada a `predict` costó {deco['ms_por_llamada']:.0f} ms de media.", "",
        "| Frases | `predict` por carácter | `decodificar_lote` | Proporción | Traducciones idénticas |",
        "|---|---|---|---|---|",
    ]
    for f in deco["filas"]:
        extrapolado = f["nota_predict"] != "medido"
        texto_predict = f"{f['segundos_predict']:.1f} s" + (f" ({f['nota_predict']})" if extrapolado else "")
        lineas.append(f"| {f['frases']} | {texto_predict} | {f['segundos_lote']:.2f} s | "
                      f"**{f['segundos_predict'] / f['segundos_lote']:,.0f}×** | "
                      f"{f['iguales']} de {f['comparadas']} decodificadas por los dos |".replace(",", " "))
    lineas += ["", f"Ejemplo: {deco['filas'][0]['entrada']!r} → {deco['filas'][0]['ejemplo']!r} (modelo entrenado "
               "muy poco: solo sirve para medir tiempos y comparar los dos bucles).", ""]
    if escala:
        lineas += [
            "## Escala: el camino ligero con el corpus grande", "",
            f"| Pares | Épocas | Segundos por época | Pico de memoria | *One-hot* densos (calculado, sin crearlos) | "
            "Pérdida de validación por carácter |", "|---|---|---|---|---|---|",
            f"| {escala['pares']} | {len(escala['segundos_por_epoca'])} | "
            f"{', '.join(f'{s:.0f}' for s in escala['segundos_por_epoca'])} | **{mib(escala['pico_mib'])}** | "
            f"{escala['bytes_one_hot'] / 1024**3:.2f} GiB (la receta clásica necesitaría además una copia al indexar "
            f"y otra en `fit`) | {escala['perdida_val_por_caracter']:.4f} |", "",
            f"Dimensiones: `max_encoder_seq_length` = {escala['vocab'][2]}, `max_decoder_seq_length` = {escala['vocab'][3]}; "
            f"relleno del decodificador {100 * escala['relleno_clasico']:.1f} % con la receta clásica y "
            f"{100 * escala['relleno_agrupado']:.1f} % con lotes agrupados.", "",
        ]
    if escala:
        lineas[-1:] = [f"Carga media al empezar → al terminar: {escala.get('carga', '?')}.", ""]
    if r.get("pruebas"):
        p = r["pruebas"]
        lineas += ["## Las pruebas", "", f"`python -m pytest` entero: **{p['segundos'] / 60:.1f} min** "
                   f"(código de salida {p['codigo']}: {p['resumen']}; carga media al empezar: {p.get('carga', '?')}).", ""]
    lineas += ["## Objetivos", "", "| Objetivo | Medido | |", "|---|---|---|"]
    for objetivo, medido, cumple in r["objetivos"]:
        lineas.append(f"| {objetivo} | {medido} | {marca(cumple)} |")
    return "\n".join(lineas) + "\n"


def objetivos(r: dict) -> list[tuple[str, str, bool]]:
    denso, ligero, escala, deco = r["denso"], r["ligero"], r.get("escala"), r["decodificacion"]
    filas = []
    for f, minimo in zip(deco["filas"], (OBJETIVOS["lote_100"], OBJETIVOS["lote_1000"])):
        proporcion = f["segundos_predict"] / f["segundos_lote"]
        medido = f"{proporcion:,.0f}×".replace(",", " ") + (" (predict extrapolado)" if f["nota_predict"] != "medido" else "")
        medido += f"; {f['iguales']}/{f['comparadas']} idénticas"
        filas.append((f"`decodificar_lote` ≥ {minimo}× más rápido que `predict` con {f['frases']} frases, mismas traducciones",
                      medido, proporcion >= minimo and f["iguales"] == f["comparadas"]))
    memoria = ligero["pico_mib"] / denso["pico_mib"]
    filas.append((f"Pico de memoria ligero ≤ {OBJETIVOS['memoria']} × clásico ({denso['pares']} pares)",
                  f"{memoria:.2f} ×", memoria <= OBJETIVOS["memoria"]))
    velocidad = muestras_por_segundo(ligero) / muestras_por_segundo(denso)
    mejor = ligero["perdida_val_por_caracter"] <= denso["perdida_val_por_caracter"]
    filas.append((f"Ligero ≥ {OBJETIVOS['velocidad']}× muestras/s con pérdida de validación igual o menor",
                  f"{velocidad:.2f}×; pérdida {ligero['perdida_val_por_caracter']:.4f} frente a {denso['perdida_val_por_caracter']:.4f}",
                  velocidad >= OBJETIVOS["velocidad"] and mejor))
    if escala:
        filas.append((f"{escala['pares']} pares con pico ≤ {OBJETIVOS['escala_gib']} GB",
                      f"{escala['pico_mib'] * MIB / 1e9:.2f} GB", escala["pico_mib"] * MIB / 1e9 <= OBJETIVOS["escala_gib"]))
    if r.get("pruebas"):
        filas.append(fila_de_pruebas(r["pruebas"]))
    return filas


def fila_de_pruebas(pruebas: dict) -> tuple[str, str, bool | None]:
    """El objetivo de tiempo de ``pytest`` solo cuenta en una ejecución verde: si algo falló, no se midió."""
    objetivo = f"`python -m pytest` entero ≤ {OBJETIVOS['pruebas_min']} min, sin fallos"
    minutos = pruebas["segundos"] / 60
    if pruebas["codigo"] != 0:
        return objetivo, f"no medido: la ejecución falló ({pruebas['resumen']}; {minutos:.1f} min)", None
    return objetivo, f"{minutos:.1f} min ({pruebas['resumen']})", minutos <= OBJETIVOS["pruebas_min"]


def principal(args) -> None:
    import tensorflow as tf

    fases = FASES if args.fases is None else args.fases
    if set(fases) - set(FASES):
        raise SystemExit(f"fases desconocidas: {', '.join(sorted(set(fases) - set(FASES)))}. Las válidas: {', '.join(FASES)}.")
    guardado = DIR_TEMPORAL / "resultados.json"
    r = {}
    if set(fases) != set(FASES):  # medición parcial: el resto, de la última ejecución guardada
        r = json.loads(guardado.read_text(encoding="utf-8"))
        r.setdefault("parciales", []).append(f"{', '.join(fases)}: {datetime.datetime.now():%Y-%m-%d %H:%M}")
    else:
        r = {"fecha": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "carga_inicio": carga()}
    r["tensorflow"] = tf.__version__
    total = len(leer_pares(args.corpus, mostrar_resumen=False))
    r["descripcion_corpus"] = (f"corpus del curso `datos/{CORPUS_CURSO.name}` ({total} pares)"
                               if args.corpus.resolve() == CORPUS_CURSO.resolve()
                               else f"archivo de Tatoeba indicado con `--corpus` ({total} pares en el archivo; los primeros, en su orden)")
    ruta_modelo = DIR_TEMPORAL / "modelo_ligero.keras"
    if "entrenamiento" in fases:
        print("1/4 Entrenamiento, cada receta en su propio proceso:")
        r["denso"] = lanzar("denso", args, args.pares, args.epocas)
        r["ligero"] = lanzar("ligero", args, args.pares, args.epocas, guardar=ruta_modelo)
    if "decodificacion" in fases:
        print("2/4 Decodificación:")
        r["decodificacion"] = medir_decodificacion(args, ruta_modelo)
    if "escala" in fases:
        print("3/4 Escala:")
        r["escala"] = lanzar("ligero", args, args.pares_escala, args.epocas_escala) if args.epocas_escala else None
    if "pruebas" in fases:
        print("4/4 Pruebas:" + (" (se saltan: --sin-pruebas)" if args.sin_pruebas else ""))
        r["pruebas"] = None if args.sin_pruebas else medir_pruebas()
    r["carga_fin"] = carga()
    r["objetivos"] = objetivos(r)
    texto = informe(args, r)
    args.salida.parent.mkdir(parents=True, exist_ok=True)
    args.salida.write_text(texto, encoding="utf-8")
    guardado.write_text(json.dumps(r, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n" + texto)


if __name__ == "__main__":
    argumentos = analizar_argumentos()
    if argumentos.solo_informe:
        guardado = json.loads((DIR_TEMPORAL / "resultados.json").read_text(encoding="utf-8"))
        guardado["objetivos"] = objetivos(guardado)
        argumentos.salida.write_text(informe(argumentos, guardado), encoding="utf-8")
        print(f"Reescrito {argumentos.salida.name} con las medidas de {guardado['fecha']}.")
    elif argumentos.tarea:
        resultado = (tarea_denso if argumentos.tarea == "denso" else tarea_ligero)(argumentos)
        argumentos.json.write_text(json.dumps(resultado), encoding="utf-8")
    else:
        principal(argumentos)

"""Genera los diagramas del curso (cajas y flechas) que usan los cuadernos.

Solo necesita matplotlib: no usa la red ni datos. Es determinista, así que al volver a
ejecutarlo se obtienen las mismas imágenes. Para regenerarlas, desde cualquier carpeta:

    python imagenes/generar_diagramas.py

Las imágenes se escriben junto a este archivo (carpeta ``imagenes/``):

- ``codificador_decodificador.png``: la arquitectura codificador–decodificador desenrollada.
- ``forzado_del_profesor.png``: entrenamiento con forzado del profesor frente a inferencia.
- ``estado_lstm.png``: una celda LSTM con sus puertas, su salida h y su estado c.
- ``modelos_de_inferencia.png``: los modelos de inferencia del codificador y del decodificador.

Cada diagrama es una función; ``main`` las llama todas.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # sin ventana: solo se guardan archivos

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Circle, FancyBboxPatch  # noqa: E402

DIR_IMAGENES = Path(__file__).resolve().parent
DPI = 150

# (relleno, borde) de cada tipo de elemento
COLORES = {
    "codificador": ("#DBEAFE", "#1E40AF"),
    "decodificador": ("#FFEDD5", "#C2410C"),
    "contexto": ("#EDE9FE", "#6D28D9"),
    "caracter": ("#F3F4F6", "#4B5563"),
    "objetivo": ("#DCFCE7", "#15803D"),
    "prediccion": ("#FEE2E2", "#B91C1C"),
    "puerta": ("#FEF3C7", "#B45309"),
    "nota": ("#F9FAFB", "#9CA3AF"),
    "fondo_codificador": ("#F0F6FF", "#93C5FD"),
    "fondo_decodificador": ("#FFF8F0", "#FDBA74"),
}
GRIS = "#374151"
GRIS_CLARO = "#6B7280"
ROJO = "#B91C1C"
VERDE = "#15803D"
MORADO = "#6D28D9"


# --- Utilidades de dibujo ----------------------------------------------------------------
def nueva_figura(ancho: float, alto: float, escala: float = 0.85):
    """Figura con ejes en unidades de dibujo (1 unidad = ``escala`` pulgadas), sin ejes visibles."""
    fig, ax = plt.subplots(figsize=(ancho * escala, alto * escala))
    ax.set_xlim(0, ancho)
    ax.set_ylim(0, alto)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
    return fig, ax


def mostrar(caracter: str) -> str:
    """Cómo se dibuja un carácter: los invisibles se escriben (\\t, \\n, ␣)."""
    return {"\t": "\\t", "\n": "\\n", " ": "␣"}.get(caracter, caracter)


def caja(ax, x, y, ancho, alto, texto, estilo, tamano=12, mono=False, negrita=False,
         color_texto=None, radio=0.12, lw=1.6, zorder=2):
    """Rectángulo redondeado centrado en (x, y) con un texto dentro."""
    relleno, borde = COLORES[estilo]
    ax.add_patch(FancyBboxPatch(
        (x - ancho / 2, y - alto / 2), ancho, alto,
        boxstyle=f"round,pad=0,rounding_size={radio}",
        facecolor=relleno, edgecolor=borde, linewidth=lw, zorder=zorder,
    ))
    if texto:
        ax.text(x, y, texto, ha="center", va="center", fontsize=tamano,
                family="DejaVu Sans Mono" if mono else "DejaVu Sans",
                weight="bold" if negrita else "normal",
                color=color_texto or GRIS, zorder=zorder + 1)


def fondo(ax, x0, y0, x1, y1, estilo, titulo, tamano=13):
    """Zona sombreada que agrupa un bloque (codificador, decodificador) con su título arriba."""
    relleno, borde = COLORES[estilo]
    ax.add_patch(FancyBboxPatch(
        (x0, y0), x1 - x0, y1 - y0, boxstyle="round,pad=0,rounding_size=0.25",
        facecolor=relleno, edgecolor=borde, linewidth=1.2, linestyle="--", zorder=0,
    ))
    ax.text((x0 + x1) / 2, y1 - 0.13, titulo, ha="center", va="top", fontsize=tamano,
            weight="bold", color=borde.replace("#93C5FD", "#1E40AF").replace("#FDBA74", "#C2410C"))


def flecha(ax, inicio, fin, color=GRIS, lw=1.6, curva=0.0, discontinua=False, cabeza=14):
    """Flecha recta (o curva con ``curva`` != 0) de ``inicio`` a ``fin``."""
    ax.annotate(
        "", xy=fin, xytext=inicio, zorder=1,
        arrowprops=dict(
            arrowstyle="-|>", color=color, lw=lw, shrinkA=0, shrinkB=0,
            mutation_scale=cabeza, connectionstyle=f"arc3,rad={curva}",
            linestyle=(0, (4, 3)) if discontinua else "-",
        ),
    )


def poligonal(ax, puntos, color=GRIS, lw=1.6, discontinua=False, con_flecha=True):
    """Línea quebrada por ``puntos``; el último tramo termina en flecha."""
    estilo = (0, (4, 3)) if discontinua else "-"
    tramos = puntos[:-1] if con_flecha else puntos
    xs, ys = zip(*tramos)
    ax.add_line(Line2D(xs, ys, color=color, lw=lw, linestyle=estilo, zorder=1,
                       solid_capstyle="round"))
    if con_flecha:
        flecha(ax, puntos[-2], puntos[-1], color=color, lw=lw, discontinua=discontinua)


def operador(ax, x, y, simbolo, radio=0.27, tamano=15):
    """Operación elemento a elemento (×, +) dibujada como un círculo."""
    ax.add_patch(Circle((x, y), radio, facecolor="white", edgecolor=GRIS, lw=1.6, zorder=2))
    ax.text(x, y, simbolo, ha="center", va="center", fontsize=tamano, color=GRIS, zorder=3)


def guardar(fig, nombre: str) -> Path:
    """Guarda la figura en ``imagenes/`` sin metadatos variables y la cierra."""
    ruta = DIR_IMAGENES / nombre
    fig.savefig(ruta, dpi=DPI, facecolor="white", metadata={"Software": None})
    plt.close(fig)
    print(f"escrita imagenes/{nombre}")
    return ruta


# --- Diagramas --------------------------------------------------------------------------
def diagrama_codificador_decodificador() -> Path:
    """Codificador LSTM desenrollado sobre «Go.» → contexto (h, c) → decodificador que emite «Va !»."""
    entrada, salida = "Go.", "Va !"
    fig, ax = nueva_figura(15.4, 7.0)
    paso, y_celda, y_abajo, y_arriba = 1.45, 3.5, 1.55, 5.3

    # Codificador
    xs_cod = [1.6 + paso * i for i in range(len(entrada))]
    fondo(ax, 0.3, 0.75, xs_cod[-1] + 0.95, 6.55, "fondo_codificador", "Codificador (LSTM)")
    for i, (x, ch) in enumerate(zip(xs_cod, entrada)):
        caja(ax, x, y_abajo, 0.72, 0.72, mostrar(ch), "caracter", tamano=16, mono=True)
        flecha(ax, (x, y_abajo + 0.36), (x, y_celda - 0.45))
        caja(ax, x, y_celda, 1.0, 0.9, "LSTM", "codificador", tamano=12, negrita=True)
        flecha(ax, (x, y_celda + 0.45), (x, y_celda + 0.95), color="#9CA3AF", lw=1.2,
               discontinua=True, cabeza=10)  # salida de cada paso: no se usa
        if i:
            flecha(ax, (x - paso + 0.5, y_celda), (x - 0.5, y_celda))
    ax.text(xs_cod[0] - 0.95, y_celda + 0.2, "estado\ninicial\n0", ha="center", va="bottom",
            fontsize=9, color=GRIS_CLARO)
    flecha(ax, (xs_cod[0] - 0.95, y_celda), (xs_cod[0] - 0.5, y_celda), color=GRIS_CLARO)
    ax.text((xs_cod[0] + xs_cod[-1]) / 2, 1.0, "entrada (inglés), un carácter por paso",
            ha="center", va="center", fontsize=10.5, color=GRIS_CLARO, style="italic")
    ax.text((xs_cod[0] + xs_cod[-1]) / 2, 4.95, "se descartan las salidas\nde cada paso",
            ha="center", va="center", fontsize=9.5, color=GRIS_CLARO, style="italic")

    # Vector de contexto
    x_ctx = xs_cod[-1] + 2.15
    caja(ax, x_ctx, y_celda, 1.75, 1.3, "vector de\ncontexto\n(h, c)", "contexto", tamano=12,
         negrita=True, color_texto=MORADO)
    flecha(ax, (xs_cod[-1] + 0.5, y_celda), (x_ctx - 0.875, y_celda), color=MORADO, lw=2.2)
    ax.text(x_ctx, y_celda - 1.05, "estado final\ndel codificador", ha="center", va="top",
            fontsize=9.5, color=MORADO)

    # Decodificador
    entradas_dec = "\t" + salida
    objetivos = salida + "\n"
    xs_dec = [x_ctx + 2.05 + paso * i for i in range(len(entradas_dec))]
    fondo(ax, xs_dec[0] - 0.85, 0.75, xs_dec[-1] + 0.75, 6.55, "fondo_decodificador",
          "Decodificador (LSTM + Dense softmax)")
    flecha(ax, (x_ctx + 0.875, y_celda), (xs_dec[0] - 0.5, y_celda), color=MORADO, lw=2.2)
    for i, x in enumerate(xs_dec):
        caja(ax, x, y_abajo, 0.72, 0.72, mostrar(entradas_dec[i]), "caracter", tamano=16, mono=True)
        flecha(ax, (x, y_abajo + 0.36), (x, y_celda - 0.45))
        caja(ax, x, y_celda, 1.0, 0.9, "LSTM", "decodificador", tamano=12, negrita=True)
        flecha(ax, (x, y_celda + 0.45), (x, y_arriba - 0.36))
        caja(ax, x, y_arriba, 0.72, 0.72, mostrar(objetivos[i]), "objetivo", tamano=16, mono=True)
        if i:
            flecha(ax, (x - paso + 0.5, y_celda), (x - 0.5, y_celda))
    ax.text((xs_dec[0] + xs_dec[-1]) / 2, 1.0, "carácter anterior (empieza con \\t)",
            ha="center", va="center", fontsize=10.5, color=GRIS_CLARO, style="italic")
    ax.text((xs_dec[0] + xs_dec[-1]) / 2, 5.95, "salida (francés), termina con \\n",
            ha="center", va="center", fontsize=10.5, color=VERDE, style="italic")
    ax.text(15.4 / 2, 0.35, "␣ = espacio     \\t = inicio de secuencia     \\n = fin de secuencia",
            ha="center", va="center", fontsize=10, color=GRIS_CLARO)
    return guardar(fig, "codificador_decodificador.png")


def _fila_decodificador(ax, y0, entradas, salidas, estilo_salida, titulo, nota_entrada,
                        nota_salida, realimentar):
    """Una fila de pasos del decodificador; si ``realimentar``, cada salida vuelve como entrada."""
    paso, x0 = 1.7, 2.6
    y_abajo, y_celda, y_arriba = y0 + 0.9, y0 + 2.55, y0 + 4.2
    xs = [x0 + paso * i for i in range(len(entradas))]
    ax.text(0.3, y0 + 5.25, titulo, ha="left", va="center", fontsize=14.5, weight="bold", color=GRIS)
    caja(ax, 0.95, y_celda, 1.2, 1.0, "contexto\n(h, c)", "contexto", tamano=10.5,
         color_texto=MORADO, negrita=True)
    flecha(ax, (1.55, y_celda), (xs[0] - 0.5, y_celda), color=MORADO, lw=2.0)
    color_salida = VERDE if estilo_salida == "objetivo" else ROJO
    for i, x in enumerate(xs):
        estilo_entrada = "caracter" if (i == 0 or not realimentar) else "prediccion"
        caja(ax, x, y_abajo, 0.72, 0.72, mostrar(entradas[i]), estilo_entrada, tamano=15, mono=True)
        flecha(ax, (x, y_abajo + 0.36), (x, y_celda - 0.45))
        caja(ax, x, y_celda, 0.95, 0.9, "LSTM", "decodificador", tamano=11.5, negrita=True)
        flecha(ax, (x, y_celda + 0.45), (x, y_arriba - 0.36))
        caja(ax, x, y_arriba, 0.72, 0.72, mostrar(salidas[i]), estilo_salida, tamano=15, mono=True)
        if i:
            flecha(ax, (x - paso + 0.475, y_celda), (x - 0.475, y_celda))
        if realimentar and i + 1 < len(xs):
            # La predicción del paso i se convierte en la entrada del paso i + 1.
            flecha(ax, (x + 0.3, y_arriba - 0.36), (xs[i + 1] - 0.3, y_abajo + 0.36),
                   color=ROJO, lw=1.6, cabeza=13)
    ax.text(xs[-1] + 0.6, y_arriba, nota_salida, ha="left", va="center", fontsize=10.5,
            color=color_salida)
    ax.text(xs[-1] + 0.6, y_abajo, nota_entrada, ha="left", va="center", fontsize=10.5,
            color=ROJO if realimentar else GRIS)
    return xs, y_abajo, y_arriba


def diagrama_forzado_del_profesor() -> Path:
    """Dos paneles: entrenamiento con forzado del profesor e inferencia paso a paso."""
    destino = "Cours !"
    entradas = "\t" + destino
    salidas = destino + "\n"
    fig, ax = nueva_figura(19.8, 12.3)

    # Panel superior: entrenamiento
    y0 = 6.55
    xs, y_abajo, y_arriba = _fila_decodificador(
        ax, y0, entradas, salidas, "objetivo",
        "Entrenamiento (forzado del profesor)",
        "entrada: carácter VERDADERO anterior\n(decoder_input_data)",
        "objetivo: siguiente carácter\n(decoder_target_data)",
        realimentar=False,
    )
    for i in range(len(xs) - 1):  # el mismo carácter aparece un paso después en la entrada
        flecha(ax, (xs[i] + 0.3, y_arriba - 0.36), (xs[i + 1] - 0.3, y_abajo + 0.36),
               color="#9CA3AF", lw=1.2, discontinua=True, cabeza=11)
    ax.text(0.3, y0 + 0.2,
            "Todas las posiciones se calculan a la vez: la entrada es el objetivo desplazado un paso "
            "(líneas grises), aunque el modelo se equivoque.",
            ha="left", va="center", fontsize=10.5, color=GRIS, style="italic")

    ax.add_line(Line2D([0.3, 19.5], [6.25, 6.25], color="#D1D5DB", lw=1.2))

    # Panel inferior: inferencia
    y0 = 0.3
    xs, y_abajo, y_arriba = _fila_decodificador(
        ax, y0, entradas, salidas, "prediccion",
        "Inferencia (paso a paso)",
        "entrada: la PREDICCIÓN del paso\nanterior (empieza con \\t)",
        "predicción (argmax)\nse detiene al producir \\n",
        realimentar=True,
    )
    ax.text(xs[0] - 0.5, y_abajo, "INICIO", ha="right", va="center", fontsize=9.5,
            color=GRIS_CLARO, weight="bold")
    ax.text(xs[-1], y_arriba + 0.6, "FIN", ha="center", va="center", fontsize=9.5,
            color=ROJO, weight="bold")
    ax.text(0.3, y0 + 0.2,
            "Cada carácter predicho (rojo) vuelve como entrada del paso siguiente: "
            "un error temprano se arrastra (sesgo de exposición).",
            ha="left", va="center", fontsize=10.5, color=GRIS, style="italic")
    ax.text(19.5, 11.8, "␣ = espacio", ha="right", va="center", fontsize=10.5, color=GRIS_CLARO)
    return guardar(fig, "forzado_del_profesor.png")


def diagrama_estado_lstm() -> Path:
    """Una celda LSTM: entradas, puertas, estado de la celda c y salida h."""
    fig, ax = nueva_figura(15.2, 9.7)
    y_c, y_bus, y_puertas = 6.7, 2.35, 4.2
    x_f, x_i, x_g, x_o, x_rama = 3.4, 5.15, 6.9, 8.75, 10.35

    ax.text(7.1, 9.3, "Celda LSTM (un paso de tiempo t)", ha="center", va="center",
            fontsize=15, weight="bold", color=GRIS)
    nota = ("La salida de la capa LSTM es $h_t$ (lo que ve la capa siguiente); $c_t$ es el estado "
            "interno de la celda\ny solo se obtiene con return_state=True. GRU y SimpleRNN solo "
            "tienen $h$: su salida y su estado coinciden.")
    ax.text(7.1, 8.45, nota, ha="center", va="center", fontsize=10.5, color=GRIS,
            bbox=dict(boxstyle="round,pad=0.45", facecolor="#FFFBEB", edgecolor="#F59E0B"))

    # Contorno de la celda
    ax.add_patch(FancyBboxPatch((1.6, 1.55), 10.0, 5.95, boxstyle="round,pad=0,rounding_size=0.35",
                                facecolor="#F8FAFC", edgecolor="#94A3B8", lw=1.5, zorder=0))

    # Autopista del estado de la celda c: c_{t-1} → × f → + i·g → c_t
    x_suma = x_g
    flecha(ax, (0.9, y_c), (x_f - 0.27, y_c), lw=2.4, color=MORADO)
    flecha(ax, (x_f + 0.27, y_c), (x_suma - 0.27, y_c), lw=2.4, color=MORADO)
    flecha(ax, (x_suma + 0.27, y_c), (12.5, y_c), lw=2.4, color=MORADO)
    operador(ax, x_f, y_c, "×")
    operador(ax, x_suma, y_c, "+")
    ax.text(0.8, y_c, "$c_{t-1}$", ha="right", va="center", fontsize=17, color=MORADO)
    ax.text(12.6, y_c, "$c_t$", ha="left", va="center", fontsize=17, color=MORADO)
    ax.text(12.6, y_c - 0.4, "estado de la celda\n(interno)", ha="left", va="top",
            fontsize=10.5, color=MORADO)

    # Entradas: h_{t-1} por la izquierda y x_t por abajo; se juntan en un «bus»
    x_union = 2.3
    flecha(ax, (0.9, y_bus), (x_union - 0.12, y_bus), lw=2.0)
    ax.text(0.8, y_bus, "$h_{t-1}$", ha="right", va="center", fontsize=17, color=GRIS)
    flecha(ax, (x_union, 0.75), (x_union, y_bus - 0.12), lw=2.0)
    ax.text(x_union, 0.45, "$x_t$", ha="center", va="center", fontsize=17, color=GRIS)
    ax.add_patch(Circle((x_union, y_bus), 0.12, color=GRIS, zorder=2))
    ax.text(x_union + 0.2, y_bus - 0.38, "$[h_{t-1}, x_t]$", ha="left", va="center",
            fontsize=11, color=GRIS_CLARO)
    ax.add_line(Line2D([x_union, x_o], [y_bus, y_bus], color=GRIS, lw=2.0, zorder=1))

    # Las cuatro puertas (cada una es una capa densa sobre [h_{t-1}, x_t])
    puertas = [(x_f, "σ", "olvido (f)"), (x_i, "σ", "entrada (i)"),
               (x_g, "tanh", "candidato (g)"), (x_o, "σ", "salida (o)")]
    for x, funcion, nombre in puertas:
        flecha(ax, (x, y_bus), (x, y_puertas - 0.5))
        caja(ax, x, y_puertas, 1.5, 1.0, "", "puerta")
        ax.text(x, y_puertas + 0.17, funcion, ha="center", va="center", fontsize=15,
                weight="bold", color=GRIS, zorder=4)
        ax.text(x, y_puertas - 0.26, nombre, ha="center", va="center", fontsize=10,
                color="#92400E", zorder=4)

    # f multiplica c_{t-1}; i · g se suma a c
    flecha(ax, (x_f, y_puertas + 0.5), (x_f, y_c - 0.27))
    y_prod = 5.55
    operador(ax, x_g, y_prod, "×")
    flecha(ax, (x_g, y_puertas + 0.5), (x_g, y_prod - 0.27))
    poligonal(ax, [(x_i, y_puertas + 0.5), (x_i, y_prod), (x_g - 0.27, y_prod)])
    flecha(ax, (x_g, y_prod + 0.27), (x_suma, y_c - 0.27))

    # Salida: h_t = o · tanh(c_t)
    y_tanh = 5.45
    caja(ax, x_rama, y_tanh, 1.0, 0.6, "tanh", "puerta", tamano=11.5)
    ax.add_patch(Circle((x_rama, y_c), 0.1, color=MORADO, zorder=2))
    flecha(ax, (x_rama, y_c), (x_rama, y_tanh + 0.3), color=MORADO, lw=1.8)
    operador(ax, x_rama, y_puertas, "×")
    flecha(ax, (x_rama, y_tanh - 0.3), (x_rama, y_puertas + 0.27))
    flecha(ax, (x_o + 0.75, y_puertas), (x_rama - 0.27, y_puertas))
    poligonal(ax, [(x_rama, y_puertas - 0.27), (x_rama, y_bus), (12.5, y_bus)], lw=2.4,
              color="#1E40AF")
    ax.text(12.6, y_bus, "$h_t$", ha="left", va="center", fontsize=17, color="#1E40AF")
    ax.text(12.6, y_bus - 0.4, "salida de la capa\n= estado oculto", ha="left", va="top",
            fontsize=10.5, color="#1E40AF")
    return guardar(fig, "estado_lstm.png")


def diagrama_modelos_de_inferencia() -> Path:
    """Modelo codificador de inferencia y modelo decodificador de inferencia, en bucle."""
    fig, ax = nueva_figura(17.4, 8.6)

    # Modelo codificador de inferencia
    fondo(ax, 0.3, 1.3, 4.5, 7.4, "fondo_codificador",
          "Codificador de inferencia\n(encoder_model)")
    caja(ax, 2.4, 5.6, 3.4, 1.05, "frase de entrada\n(encoder_input_data)", "caracter", tamano=11)
    flecha(ax, (2.4, 5.075), (2.4, 4.45))
    caja(ax, 2.4, 4.0, 2.4, 0.9, "LSTM\ncodificador", "codificador", tamano=11.5, negrita=True)
    flecha(ax, (2.4, 3.55), (2.4, 2.95))
    caja(ax, 2.4, 2.5, 2.4, 0.9, "estados h, c", "contexto", tamano=12, negrita=True,
         color_texto=MORADO)
    ax.text(2.4, 1.65, "se ejecuta una vez\npor frase", ha="center", va="center", fontsize=9.5,
            color=GRIS_CLARO, style="italic")

    # Modelo decodificador de inferencia
    fondo(ax, 5.6, 1.3, 17.1, 7.4, "fondo_decodificador",
          "Decodificador de inferencia (decoder_model)\nun paso por llamada")
    x_ent, x_lstm, x_dense, x_sal = 7.7, 10.45, 12.75, 15.35
    y_car, y_est, y_mid = 5.6, 2.5, 4.05
    caja(ax, x_ent, y_car, 2.9, 1.0, "carácter anterior\n(one-hot)", "caracter", tamano=11)
    caja(ax, x_ent, y_est, 2.9, 1.0, "estados h, c", "contexto", tamano=12, negrita=True,
         color_texto=MORADO)
    caja(ax, x_lstm, y_mid, 1.8, 1.0, "LSTM\ndecodificador", "decodificador", tamano=11,
         negrita=True)
    caja(ax, x_dense, y_car, 1.7, 1.0, "Dense\nsoftmax", "decodificador", tamano=11, negrita=True)
    caja(ax, x_sal, y_car, 2.9, 1.0, "probabilidades del\nsiguiente carácter", "objetivo",
         tamano=11)
    caja(ax, x_sal, y_est, 2.9, 1.0, "estados nuevos\nh, c", "contexto", tamano=11.5, negrita=True,
         color_texto=MORADO)
    poligonal(ax, [(x_ent + 1.45, y_car), (x_lstm - 0.3, y_car), (x_lstm - 0.3, y_mid + 0.5)])
    poligonal(ax, [(x_ent + 1.45, y_est), (x_lstm - 0.3, y_est), (x_lstm - 0.3, y_mid - 0.5)],
              color=MORADO)
    poligonal(ax, [(x_lstm + 0.3, y_mid + 0.5), (x_lstm + 0.3, y_car), (x_dense - 0.85, y_car)])
    flecha(ax, (x_dense + 0.85, y_car), (x_sal - 1.45, y_car))
    poligonal(ax, [(x_lstm + 0.3, y_mid - 0.5), (x_lstm + 0.3, y_est), (x_sal - 1.45, y_est)],
              color=MORADO)

    # Bucle: argmax del carácter y estados nuevos vuelven a entrar
    poligonal(ax, [(x_sal, y_car + 0.5), (x_sal, 8.05), (x_ent, 8.05), (x_ent, y_car + 0.5)],
              color=ROJO, lw=2.0)
    ax.text((x_ent + x_sal) / 2, 8.35, "argmax → siguiente carácter (se detiene al producir \\n "
            "o al llegar a la longitud máxima)", ha="center", va="center", fontsize=10.5, color=ROJO)
    poligonal(ax, [(x_sal, y_est - 0.5), (x_sal, 0.75), (x_ent, 0.75), (x_ent, y_est - 0.5)],
              color=MORADO, lw=2.0)
    ax.text((x_ent + x_sal) / 2, 0.42, "los estados nuevos se usan en el paso siguiente",
            ha="center", va="center", fontsize=10.5, color=MORADO)

    # Conexión entre los dos modelos (solo en el primer paso)
    flecha(ax, (3.6, y_est), (x_ent - 1.45, y_est), color=MORADO, lw=2.2)
    ax.text(5.05, y_est + 0.3, "1.er paso", ha="center", va="bottom", fontsize=9.5, color=MORADO)
    ax.text(x_ent, y_car - 0.75, "1.er paso: \\t", ha="center", va="top", fontsize=9.5,
            color=GRIS_CLARO)
    return guardar(fig, "modelos_de_inferencia.png")


def main() -> list[Path]:
    """Genera todos los diagramas y devuelve sus rutas."""
    return [
        diagrama_codificador_decodificador(),
        diagrama_forzado_del_profesor(),
        diagrama_estado_lstm(),
        diagrama_modelos_de_inferencia(),
    ]


if __name__ == "__main__":
    main()

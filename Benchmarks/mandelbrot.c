/* The Mandelbrot set in single precision: 320×240 points per frame, up to 256 iterations of
 * z = z² + c each, frames zooming towards the seahorse valley. Float multiply/add and a
 * compare-and-branch per iteration.
 * bench-group: fp */
#include "bench.h"

enum { WIDTH = 320, HEIGHT = 240, MAX_ITERATIONS = 256, BASE_FRAMES = 6 };

int main(int argc, char **argv) {
    uint32_t frames = bench_count(argc, argv, BASE_FRAMES);
    uint64_t sum = BENCH_FOLD_INIT;
    uint32_t total = 0;
    for (uint32_t frame = 0; frame < frames; frame++) {
        float span = 3.0f / (float)(1u << (frame % 6));   /* zoom in by 2× a frame, 6 levels */
        float step = span / (float)WIDTH;
        float left = -0.75f - span / 2.0f, top = 0.1f - span * (float)HEIGHT / (2.0f * (float)WIDTH);
        total = 0;
        for (int y = 0; y < HEIGHT; y++) {
            float ci = top + (float)y * step;
            uint32_t row = 0;
            for (int x = 0; x < WIDTH; x++) {
                float cr = left + (float)x * step;
                float zr = 0.0f, zi = 0.0f, zr2 = 0.0f, zi2 = 0.0f;
                uint32_t n = 0;
                while (n < MAX_ITERATIONS && zr2 + zi2 <= 4.0f) {
                    zi = 2.0f * zr * zi + ci;
                    zr = zr2 - zi2 + cr;
                    zr2 = zr * zr;
                    zi2 = zi * zi;
                    n++;
                }
                row = row * 31 + n;
                total += n;
            }
            sum = bench_fold_numbers(sum, &row, sizeof row, 4);
        }
    }
    printf("mandelbrot frames %u iterations in last %u\n", frames, total);
    bench_result("mandelbrot", sum);
    return 0;
}

/* The classic five-body simulation of the outer planets: pairwise forces with a square root
 * and a division per pair, double-precision adds and multiplies on a small array of structs.
 * bench-group: fp */
#include <math.h>
#include "bench.h"

enum { BODIES = 5, BASE_STEPS = 2000000 };

typedef struct { double x, y, z, vx, vy, vz, mass; } Body;

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

/* The Sun, Jupiter, Saturn, Uranus, Neptune: position (AU), velocity (AU/day), mass (suns). */
static Body bodies[BODIES] = {
    { 0, 0, 0, 0, 0, 0, 1 },
    { 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
      1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04 },
    { 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
      -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04 },
    { 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
      2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05 },
    { 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
      2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05 },
};

static void advance(double dt) {
    for (int i = 0; i < BODIES; i++) {
        Body *a = &bodies[i];
        for (int j = i + 1; j < BODIES; j++) {
            Body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double magnitude = dt / (d2 * sqrt(d2));
            a->vx -= dx * b->mass * magnitude;
            a->vy -= dy * b->mass * magnitude;
            a->vz -= dz * b->mass * magnitude;
            b->vx += dx * a->mass * magnitude;
            b->vy += dy * a->mass * magnitude;
            b->vz += dz * a->mass * magnitude;
        }
    }
    for (int i = 0; i < BODIES; i++) {
        bodies[i].x += dt * bodies[i].vx;
        bodies[i].y += dt * bodies[i].vy;
        bodies[i].z += dt * bodies[i].vz;
    }
}

static double energy(void) {
    double e = 0.0;
    for (int i = 0; i < BODIES; i++) {
        const Body *a = &bodies[i];
        e += 0.5 * a->mass * (a->vx * a->vx + a->vy * a->vy + a->vz * a->vz);
        for (int j = i + 1; j < BODIES; j++) {
            const Body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            e -= a->mass * b->mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

int main(int argc, char **argv) {
    uint32_t steps = bench_count(argc, argv, BASE_STEPS);
    /* Units: masses in solar masses × 4π², velocities per year; then move the Sun so the
     * total momentum is zero. */
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < BODIES; i++) {
        bodies[i].vx *= DAYS_PER_YEAR;
        bodies[i].vy *= DAYS_PER_YEAR;
        bodies[i].vz *= DAYS_PER_YEAR;
        bodies[i].mass *= SOLAR_MASS;
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
    double before = energy();
    for (uint32_t i = 0; i < steps; i++) advance(0.01);
    double after = energy();
    printf("nbody steps %u energy %.9f -> %.9f\n", steps, before, after);
    uint64_t sum = bench_fold_double(BENCH_FOLD_INIT, after);
    for (int i = 0; i < BODIES; i++) sum = bench_fold_numbers(sum, &bodies[i], sizeof bodies[i], 8);
    bench_result("nbody", sum);
    return 0;
}

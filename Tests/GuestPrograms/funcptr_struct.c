/* Function pointers (tables, callbacks, pointers returned from functions, a vtable-style
   object system) and structs passed, returned and copied by value: small ones returned in
   registers, large ones through a hidden pointer, structs of doubles and floats (the VFP
   calling convention passes homogeneous aggregates in s/d registers), mixed layouts with
   padding, arrays inside structs, unions. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct small { int32_t a; int16_t b; int8_t c; };
struct pair64 { int64_t x; int64_t y; };
struct big { int32_t v[20]; char name[16]; double d; };
struct vec3 { double x, y, z; };
struct vec4f { float x, y, z, w; };
struct mixed { char c; double d; int16_t s; int64_t l; float f; uint8_t tail[3]; };
union number { int32_t i; float f; uint32_t u; uint8_t bytes[4]; };

__attribute__((noinline)) static struct small make_small(int32_t a) { struct small s = {a, (int16_t)(a * 3), (int8_t)(a - 1)}; return s; }
__attribute__((noinline)) static struct pair64 swap_pair(struct pair64 p) { struct pair64 r = {p.y, p.x}; return r; }
__attribute__((noinline)) static struct big make_big(int seed) {
    struct big b;
    for (int i = 0; i < 20; i++) b.v[i] = seed * (i + 1);
    snprintf(b.name, sizeof b.name, "big-%d", seed);
    b.d = seed / 4.0;
    return b;
}
__attribute__((noinline)) static int64_t sum_big(struct big b) {
    int64_t s = 0;
    for (int i = 0; i < 20; i++) s += b.v[i];
    b.v[0] = -1; /* modifies the callee's copy only */
    return s + (int64_t)(b.d * 4);
}
__attribute__((noinline)) static struct vec3 cross(struct vec3 a, struct vec3 b) {
    struct vec3 r = {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
    return r;
}
__attribute__((noinline)) static struct vec4f scale4(struct vec4f v, float k) { struct vec4f r = {v.x * k, v.y * k, v.z * k, v.w * k}; return r; }
__attribute__((noinline)) static struct mixed bump(struct mixed m, int k) {
    m.c = (char)(m.c + k); m.d *= k; m.s = (int16_t)(m.s + k); m.l *= k; m.f += (float)k; m.tail[2] = (uint8_t)(m.tail[2] + k);
    return m;
}
/* Many arguments: some in registers, the rest on the stack, doubles and ints interleaved. */
__attribute__((noinline)) static double many(int a, double b, int c, float d, int64_t e, double f, int g, double h,
                                             double i, float j, double k, int64_t l, double m, double n, int o) {
    return a + b * 2 + c * 3 + d * 4 + (double)e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10 + k * 11 +
           (double)l * 12 + m * 13 + n * 14 + o * 15;
}

typedef int32_t (*binop)(int32_t, int32_t);
static int32_t op_add(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
static int32_t op_sub(int32_t a, int32_t b) { return (int32_t)((uint32_t)a - (uint32_t)b); }
static int32_t op_mul(int32_t a, int32_t b) { return (int32_t)((uint32_t)a * (uint32_t)b); }
static int32_t op_max(int32_t a, int32_t b) { return a > b ? a : b; }
static int32_t op_xor(int32_t a, int32_t b) { return a ^ b; }
static const struct { const char *name; binop fn; } ops[] = {{"add", op_add}, {"sub", op_sub}, {"mul", op_mul}, {"max", op_max}, {"xor", op_xor}};

static binop choose(int i) { return ops[i % 5].fn; }
static int32_t fold(const int32_t *v, int n, binop f, int32_t init) {
    for (int i = 0; i < n; i++) init = f(init, v[i]);
    return init;
}
static void for_each(int n, void (*cb)(int, void *), void *ctx) { for (int i = 0; i < n; i++) cb(i, ctx); }
static void accumulate(int i, void *ctx) { *(int64_t *)ctx += (int64_t)i * i; }
static void stringify(int i, void *ctx) { char *s = ctx; size_t l = strlen(s); if (l < 60) snprintf(s + l, 64 - l, "%d,", i); }

/* A tiny object system: shapes with a vtable of function pointers. */
struct shape;
struct shape_vt { const char *kind; double (*area)(const struct shape *); double (*perimeter)(const struct shape *); void (*scale)(struct shape *, double); };
struct shape { const struct shape_vt *vt; double a, b; };
static double rect_area(const struct shape *s) { return s->a * s->b; }
static double rect_perim(const struct shape *s) { return 2 * (s->a + s->b); }
static double circ_area(const struct shape *s) { return 3.141592653589793 * s->a * s->a; }
static double circ_perim(const struct shape *s) { return 2 * 3.141592653589793 * s->a; }
static void scale_both(struct shape *s, double k) { s->a *= k; s->b *= k; }
static const struct shape_vt rect_vt = {"rect", rect_area, rect_perim, scale_both};
static const struct shape_vt circ_vt = {"circle", circ_area, circ_perim, scale_both};

int main(void) {
    for (int i = -3; i < 4; i++) {
        struct small s = make_small(i * 1000);
        printf("small %d: %d %d %d\n", i, s.a, s.b, s.c);
    }
    struct pair64 p = {0x1122334455667788LL, -42};
    for (int i = 0; i < 3; i++) { p = swap_pair(p); printf("pair %" PRId64 " %" PRId64 "\n", p.x, p.y); }
    struct big b = make_big(7), c;
    c = b; /* struct assignment */
    c.v[3] = 1000;
    printf("big %s %" PRId64 " %" PRId64 " v0 %d v3 %d/%d d %.2f\n", b.name, sum_big(b), sum_big(c), b.v[0], b.v[3], c.v[3], b.d);
    struct vec3 x = {1, 0, 0}, y = {0, 1, 0}, z = cross(x, y), w = cross((struct vec3){1.5, -2, 3.25}, (struct vec3){-4, 5.5, 0.125});
    printf("cross %g %g %g | %.17g %.17g %.17g\n", z.x, z.y, z.z, w.x, w.y, w.z);
    struct vec4f v4 = scale4((struct vec4f){1.5f, -2.25f, 3.0f, 0.1f}, 3.0f);
    printf("scale4 %.9g %.9g %.9g %.9g\n", v4.x, v4.y, v4.z, v4.w);
    struct mixed m = {'A', 1.5, 300, 1LL << 40, 0.25f, {1, 2, 3}};
    for (int k = 1; k < 4; k++) {
        m = bump(m, k);
        printf("mixed %c %.17g %d %" PRId64 " %.9g %u\n", m.c, m.d, m.s, m.l, m.f, m.tail[2]);
    }
    printf("many %.17g\n", many(1, 2.5, 3, 4.25f, 5, 6.125, 7, 8.5, 9.75, 10.5f, 11.25, 12, 13.5, 14.75, 15));
    union number u;
    u.f = 1.0f; printf("union 1.0f = %08" PRIx32 "\n", u.u);
    u.f = -0.1f; printf("union -0.1f = %08" PRIx32 "\n", u.u); /* no bytes: their order differs on big-endian guests */
    u.u = 0x40490fdb; printf("union pi bits = %.9g\n", u.f);
    int32_t vals[50];
    for (int i = 0; i < 50; i++) vals[i] = (i * 7919) % 1000 - 500;
    for (int i = 0; i < 10; i++) printf("fold %s: %d\n", ops[i % 5].name, fold(vals, 50 - i, choose(i), i));
    int64_t acc = 0;
    for_each(100, accumulate, &acc);
    char text[64] = "";
    for_each(30, stringify, text);
    printf("callbacks %" PRId64 " [%s]\n", acc, text);
    struct shape shapes[6];
    for (int i = 0; i < 6; i++) {
        shapes[i].vt = i % 2 ? &circ_vt : &rect_vt;
        shapes[i].a = i + 1; shapes[i].b = (i + 1) * 0.5;
    }
    double total = 0;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 6; i++) {
            struct shape *s = &shapes[i];
            printf("round %d %s: area %.17g perimeter %.17g\n", round, s->vt->kind, s->vt->area(s), s->vt->perimeter(s));
            total += s->vt->area(s);
            s->vt->scale(s, 1.5);
        }
    }
    printf("total area %.17g\n", total);
    /* Arrays of function pointers indexed by data: indirect calls in a loop. */
    int32_t r = 1;
    for (int i = 0; i < 10000; i++) r = ops[(uint32_t)r % 5].fn(r, i) | 1;
    printf("dispatch %d\n", r);
    return 0;
}

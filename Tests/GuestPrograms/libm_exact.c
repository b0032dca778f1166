/* The libm functions whose results are exactly specified (correctly rounded or exact), so
   every correct implementation agrees bit for bit: floor ceil round trunc rint nearbyint
   lround llround lrint fmod remainder remquo sqrt fma modf frexp ldexp scalbn ilogb logb
   nextafter copysign fabs fmin fmax fdim, in double and float. */
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

double values[] = {0.0, -0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4999999999999996, 1e-300,
                   123.456, -123.456, 4503599627370495.5, 4503599627370497.0, 9007199254740993.0, 1e300, -7.0,
                   0.1, 2.0, 10.0, 1e-310, DBL_MAX, DBL_MIN, M_PI, -M_E, INFINITY, -INFINITY};

static void show(const char *label, double x) {
    if (isnan(x)) printf(" %s=nan", label);
    else printf(" %s=%.17g", label, x);
}
static void showa(const char *label, double x) {
    if (isnan(x)) printf(" %s=nan", label);
    else printf(" %s=%a", label, x);
}

int main(void) {
    const int n = (int)(sizeof values / sizeof values[0]);
    for (int i = 0; i < n; i++) {
        double x = values[i];
        printf("%.17g:", x);
        show("floor", floor(x)); show("ceil", ceil(x)); show("round", round(x)); show("trunc", trunc(x));
        show("rint", rint(x)); show("nearbyint", nearbyint(x));
        if (fabs(x) < 1e15) printf(" lround=%ld llround=%lld lrint=%lld", fabs(x) < 2e9 ? lround(x) : 0L, llround(x), llrint(x));
        showa("sqrt", sqrt(x)); showa("sqrtf", sqrtf((float)x));
        double ip, fp = modf(x, &ip);
        int e;
        double mant = frexp(x, &e);
        show("modf", fp); show("int", ip); show("frexp", mant);
        printf(" exp=%d", isfinite(x) ? e : 0);
        if (x != 0 && isfinite(x)) printf(" ilogb=%d", ilogb(x));
        show("logb", logb(x));
        showa("ldexp", ldexp(x, 3)); showa("scalbn", scalbn(x, -1030));
        showa("up", nextafter(x, INFINITY)); showa("down", nextafter(x, -INFINITY));
        show("fabs", fabs(x)); show("copysign", copysign(3.0, x));
        printf(" floorf=%.9g ceilf=%.9g roundf=%.9g truncf=%.9g", (double)floorf((float)x), (double)ceilf((float)x),
               (double)roundf((float)x), (double)truncf((float)x));
        printf("\n");
    }
    for (int i = 0; i < n; i += 2) {
        for (int j = 1; j < n; j += 3) {
            double x = values[i], y = values[j];
            int q = 0;
            double rq = remquo(x, y, &q);
            printf("%.17g, %.17g:", x, y);
            showa("fmod", fmod(x, y)); showa("remainder", remainder(x, y)); showa("remquo", rq);
            if (!isnan(rq)) printf(" q%d", q & 7);
            showa("fma", fma(x, y, 0.1)); showa("fmaneg", fma(x, y, -x * y));
            /* + 0.0 turns -0 into +0: which zero fmin(0, -0) returns is unspecified. */
            show("fmin", fmin(x, y) + 0.0); show("fmax", fmax(x, y) + 0.0); showa("fdim", fdim(x, y));
            showa("fmodf", (double)fmodf((float)x, (float)y)); showa("fmaf", (double)fmaf((float)x, (float)y, 1.0f));
            printf("\n");
        }
    }
    /* sqrt of every integer 0..2000 and of some awkward values; squares round-tripped. */
    uint64_t h = 0;
    for (int i = 0; i <= 2000; i++) {
        double r = sqrt((double)i);
        uint64_t bits;
        __builtin_memcpy(&bits, &r, 8);
        h = h * 1099511628211ULL ^ bits;
        if (i % 250 == 0) printf("sqrt(%d) = %a; r*r = %a\n", i, r, r * r);
    }
    printf("sqrt hash %016" PRIx64 "\n", h);
    printf("fma exactness: %a %a\n", fma(1.0 + DBL_EPSILON, 1.0 - DBL_EPSILON, -1.0), fma(0.1, 10.0, -1.0));
    return 0;
}

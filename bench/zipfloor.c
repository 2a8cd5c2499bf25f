/* The libzip floor for one filled document: what writing it would cost if filling took no time at all.
 * Every part of TEMPLATE is copied raw (no recompression), except the parts that FILLED changed or added,
 * which are written from FILLED's bytes (read once, before timing): deflated at zlib level 3 as itareport
 * writes them (--level N for another; 0 is libzip's default, 6), or stored when FILLED stores them
 * (pictures, compressed already). Prints min, median and max ms per
 * document over COUNT documents, or with --json {"min": …, "median": …, "max": …}.
 *
 *   cc -O2 bench/zipfloor.c $(pkg-config --cflags --libs libzip) -o .build/zipfloor
 *   .build/zipfloor TEMPLATE FILLED [COUNT] [--json] [--cpu] [--level N]
 *
 * --cpu measures the time this process spends on the CPU (user and system) instead of elapsed time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

static int use_cpu = 0;

static double now_ms(void) {
    struct timespec t;
    clock_gettime(use_cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void *slurp(zip_t *z, zip_uint64_t i, zip_uint64_t *size) {
    zip_stat_t st;
    zip_stat_index(z, i, 0, &st);
    *size = st.size;
    char *buf = malloc(st.size ? st.size : 1);
    zip_file_t *f = zip_fopen_index(z, i, 0);
    if (!f || zip_fread(f, buf, st.size) != (zip_int64_t)st.size) { fprintf(stderr, "cannot read %s\n", st.name); exit(1); }
    zip_fclose(f);
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: zipfloor TEMPLATE FILLED [COUNT] [--json] [--cpu] [--level N]\n"); return 2; }
    int count = argc > 3 && strncmp(argv[3], "--", 2) ? atoi(argv[3]) : 20;
    int json = 0, level = 3;
    for (int i = 3; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) json = 1;
        if (!strcmp(argv[i], "--cpu")) use_cpu = 1;
        if (!strcmp(argv[i], "--level") && i + 1 < argc) level = atoi(argv[++i]);
    }
    if (level < 0 || level > 9) { fprintf(stderr, "--level must be 0 to 9\n"); return 2; }
    if (count < 1) { fprintf(stderr, "COUNT must be at least 1\n"); return 2; }
    int err;
    zip_t *tpl = zip_open(argv[1], ZIP_RDONLY, &err), *filled = zip_open(argv[2], ZIP_RDONLY, &err);
    if (!tpl || !filled) { fprintf(stderr, "cannot open the packages\n"); return 1; }
    /* The filled document's parts: each either copied raw from the template (same CRC there) or, when the
     * fill changed or added it, kept as bytes to write with the filled document's method. */
    zip_int64_t n = zip_get_num_entries(filled, 0);
    void **data = calloc(n, sizeof(void *));
    zip_uint64_t *sizes = calloc(n, sizeof(zip_uint64_t));
    zip_int64_t *source = calloc(n, sizeof(zip_int64_t));
    int *method = calloc(n, sizeof(int));
    int changed = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t a, b;
        zip_stat_index(filled, i, 0, &b);
        zip_int64_t j = zip_name_locate(tpl, b.name, 0);
        source[i] = -1;
        if (j >= 0) {
            zip_stat_index(tpl, j, 0, &a);
            if (a.crc == b.crc && a.size == b.size) { source[i] = j; continue; }
        }
        data[i] = slurp(filled, i, &sizes[i]);
        method[i] = b.comp_method;
        changed++;
    }
    char path[64];
    snprintf(path, sizeof path, "/tmp/zipfloor-%d.zip", (int)getpid());
    double *ms = malloc(count * sizeof(double));
    for (int k = 0; k < count; k++) {
        double start = now_ms();
        zip_t *out = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
        for (zip_int64_t i = 0; i < n; i++) {
            const char *name = zip_get_name(filled, i, 0);
            zip_source_t *src = data[i] ? zip_source_buffer(out, data[i], sizes[i], 0)
                                        : zip_source_zip(out, tpl, source[i], ZIP_FL_COMPRESSED, 0, -1);
            zip_int64_t idx = zip_file_add(out, name, src, ZIP_FL_ENC_UTF_8);
            if (data[i]) zip_set_file_compression(out, idx, method[i] == ZIP_CM_STORE ? ZIP_CM_STORE : ZIP_CM_DEFLATE, method[i] == ZIP_CM_STORE ? 0 : level);
            else {
                zip_stat_t st;
                zip_stat_index(tpl, source[i], 0, &st);
                if (st.comp_method == ZIP_CM_STORE) zip_set_file_compression(out, idx, ZIP_CM_STORE, 0);
            }
        }
        if (zip_close(out) != 0) { fprintf(stderr, "cannot write\n"); return 1; }
        ms[k] = now_ms() - start;
    }
    qsort(ms, count, sizeof(double), cmp);
    double median = count % 2 ? ms[count / 2] : (ms[count / 2 - 1] + ms[count / 2]) / 2;
    if (json) printf("{\"min\": %.3f, \"median\": %.3f, \"max\": %.3f}\n", ms[0], median, ms[count - 1]);
    else printf("libzip floor (%d part%s written, the rest copied raw): %.2f ms min, %.2f ms median, %.2f ms max\n",
                changed, changed == 1 ? "" : "s", ms[0], median, ms[count - 1]);
    remove(path);
    return 0;
}

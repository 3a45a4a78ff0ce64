/*
 * The floor of the benchmark: what libcmark alone costs for a content folder.
 *
 * Usage: floor CONTENT_DIR OUTPUT_DIR
 *
 * For every *.md file below CONTENT_DIR: read it, parse it with CMARK_OPT_SOURCEPOS, render
 * HTML and write OUTPUT_DIR/<path>.html. One thread, nothing else: no front matter, no checks,
 * no templates. Prints the number of pages written.
 */
#define _XOPEN_SOURCE 700
#include <cmark.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *content_root;
static const char *output_root;
static long pages;

static int make_parents(char *path) {
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        int failed = mkdir(path, 0755) != 0 && errno != EEXIST;
        *slash = '/';
        if (failed) return -1;
    }
    return 0;
}

static int visit(const char *path, const struct stat *info, int type, struct FTW *ftw) {
    (void)ftw;
    size_t length = strlen(path);
    if (type != FTW_F || length < 3 || strcmp(path + length - 3, ".md") != 0) return 0;
    FILE *in = fopen(path, "rb");
    if (!in) { perror(path); return 1; }
    char *text = malloc((size_t)info->st_size);
    size_t size = fread(text, 1, (size_t)info->st_size, in);
    fclose(in);
    cmark_node *document = cmark_parse_document(text, size, CMARK_OPT_SOURCEPOS);
    char *html = cmark_render_html(document, CMARK_OPT_DEFAULT);
    char out[4096];
    snprintf(out, sizeof out, "%s/%.*s.html", output_root, (int)(length - strlen(content_root) - 4),
             path + strlen(content_root) + 1);
    if (make_parents(out) != 0) { perror(out); return 1; }
    FILE *file = fopen(out, "wb");
    if (!file) { perror(out); return 1; }
    fwrite(html, 1, strlen(html), file);
    fclose(file);
    free(html);
    cmark_node_free(document);
    free(text);
    pages++;
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor CONTENT_DIR OUTPUT_DIR\n"); return 2; }
    content_root = argv[1];
    output_root = argv[2];
    mkdir(output_root, 0755);
    if (nftw(content_root, visit, 32, FTW_PHYS) != 0) return 1;
    printf("%ld pages\n", pages);
    return 0;
}

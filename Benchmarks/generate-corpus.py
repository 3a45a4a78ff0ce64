#!/usr/bin/env python3
"""Writes a deterministic corpus of N Flow Markdown pages for the benchmark.

Usage: generate-corpus.py N OUTPUT_DIR

The corpus has an `index.md`, one overview page per area (`area-0001/index.md`, about 100 pages
each) and N - 1 - areas flow pages of about 5 KB: front matter with facets, a callout, 5 to 12
numbered steps with bold UI targets, screens, field tables that agree with their screen,
choices, images and "What's next" links to the following pages of the area. Every page is
reachable from `index.md`, and `flowdoc check` reports no errors. The same N gives the same bytes.
"""

import os
import random
import shutil
import sys

WORDS = (
    "connection sync instance project admin field mapping trigger queue rule script remote "
    "invitation destination source issue case ticket incident status comment attachment user "
    "workspace organization settings panel console value entity filter priority label update "
    "history error retry schedule token permission role team board record object item"
).split()
PRODUCTS = ["Exalate", "Relay", "Bridge"]
PLATFORMS = ["Salesforce", "Jira Cloud", "ServiceNow", "Zendesk", "Azure DevOps", "GitHub"]
MODES = ["Basic", "Visual", "Script"]
CALLOUTS = ["NOTE", "TIP", "IMPORTANT", "WARNING"]
FIELDS = ["Connection name", "Description", "Project key", "Entity type", "Remote URL", "Sync filter",
          "Owner email", "Priority", "Label prefix", "Retry limit", "Queue size", "Time zone"]
TARGETS = ["Connections", "General Settings", "Sync Queue", "Rules", "Triggers", "Errors", "Outgoing",
           "Incoming", "Edit Connection", "More actions", "Publish", "Save"]
IMAGES = ["overview", "editor", "queue", "rules"]


def sentence(rng, low=8, high=16):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, sentences=3):
    return " ".join(sentence(rng) for _ in range(sentences))


def screen_block(title, fields, values, indent):
    lines = ["```screen " + title]
    for name, required in fields:
        lines.append(f"{name}{'*' if required else ''}: {values[name]}")
    lines.append("[Cancel] [Save]")
    lines.append("```")
    return "\n".join(indent + line for line in lines)


def field_table(fields, values, rng, indent):
    rows = ["| Field | Description | Example |", "| --- | --- | --- |"]
    for name, required in fields:
        rows.append(f"| {name}{'*' if required else ''} | {sentence(rng, 4, 8)[:-1]} | `{values[name]}` |")
    return "\n".join(indent + row for row in rows)


def step(rng, number, page, area_pages, is_last, values):
    """One numbered step; returns its Markdown lines."""
    indent = " " * (len(str(number)) + 2)
    kind = rng.choice(["click", "click", "enter", "screen", "choice", "image", "callout"])
    lines = []
    if kind == "click":
        lines.append(f"{number}. Click **{rng.choice(TARGETS)}** to open the {rng.choice(WORDS)} settings.")
        lines += ["", indent + paragraph(rng, 2)]
    elif kind == "enter":
        lines.append(f"{number}. Enter the **{rng.choice(FIELDS)}** for the {rng.choice(WORDS)}.")
        lines += ["", indent + paragraph(rng, 3)]
    elif kind == "screen":
        fields = [(name, rng.random() < 0.5) for name in rng.sample(FIELDS, 4)]
        lines.append(f"{number}. Fill in the connection details, and click **Save**.")
        lines += ["", field_table(fields, values, rng, indent), "", screen_block("Edit connection", fields, values, indent)]
    elif kind == "choice":
        options = ["Mode A", "Mode B", "Mode C"]
        chosen = rng.choice(options)
        lines.append(f"{number}. Select the sync mode: **{chosen}**.")
        lines.append("")
        for option in options:
            target = rng.choice(area_pages)
            link = f" ([use {option}]({target}))" if target != page else ""
            lines.append(f"{indent}- **{option}**{link}")
            lines.append(f"{indent}  - {sentence(rng, 4, 7)}")
            lines.append(f"{indent}  - {sentence(rng, 4, 7)}")
    elif kind == "image":
        image = rng.choice(IMAGES)
        lines.append(f"{number}. Open the **{rng.choice(TARGETS)}** tab.")
        lines += ["", f"{indent}![The {image} screen of the admin console](../images/{image}.svg)", "", indent + paragraph(rng, 2)]
    else:
        lines.append(f"{number}. Click **{rng.choice(TARGETS)}**.")
        lines += ["", f"{indent}> [!{rng.choice(CALLOUTS)}]", f"{indent}> {paragraph(rng, 2)}"]
    if is_last:
        lines += ["", f"{indent}Result: {sentence(rng)}"]
    return lines


def flow_page(rng, area, index, area_pages, page_id):
    platform = PLATFORMS[area % len(PLATFORMS)]
    title = f"{rng.choice(['Configure', 'Set up', 'Review', 'Update', 'Create'])} {rng.choice(WORDS)} {rng.choice(WORDS)} {page_id}"
    lines = [
        "---",
        f'title: "{title}"',
        f"product: {PRODUCTS[area % len(PRODUCTS)]}",
        f"platform: {platform}",
        f"mode: {rng.choice(MODES)}",
        f"updated: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"summary: {sentence(rng)}",
        f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]",
        "---",
        "",
        f"# {title}",
        "",
        paragraph(rng, 4),
        "",
        f"> [!{rng.choice(CALLOUTS)}]",
        f"> {paragraph(rng, 2)}",
        "",
        "## Steps",
        "",
    ]
    page = area_pages[index]
    values = {name: rng.choice(WORDS) + "-" + str(rng.randint(1, 99)) for name in FIELDS}
    count = rng.randint(5, 12)
    for number in range(1, count + 1):
        lines += step(rng, number, page, area_pages, number == count, values)
    lines += ["", "## Background", "", paragraph(rng, 5), "", paragraph(rng, 4)]
    following = area_pages[index + 1:index + 3]
    if following:
        lines += ["", "## What's next", ""]
        lines += [f"- [Continue with {name[:-3]}]({name})" for name in following]
    return "\n".join(lines) + "\n"


def overview(title, summary, links, platform="Any"):
    lines = ["---", f'title: "{title}"', "type: overview", "product: Exalate", f"platform: {platform}", "mode: Any",
             "updated: 2025-06-01", f"summary: {summary}", "---", "", f"# {title}", "", summary, "", "## Pages", ""]
    lines += [f"- [{text}]({href})" for text, href in links]
    return "\n".join(lines) + "\n"


def main():
    count, root = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(count)
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(os.path.join(root, "images"))
    for image in IMAGES:
        with open(os.path.join(root, "images", image + ".svg"), "w") as file:
            file.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><text x="10" y="20">{image}</text></svg>\n')
    areas = max(1, (count - 1) // 101)
    per_area = [(count - 1 - areas) // areas + (1 if a < (count - 1 - areas) % areas else 0) for a in range(areas)]
    area_links = []
    for area in range(areas):
        folder = f"area-{area + 1:04d}"
        os.makedirs(os.path.join(root, folder))
        pages = [f"page-{n + 1:04d}.md" for n in range(per_area[area])]
        for index, name in enumerate(pages):
            text = flow_page(rng, area, index, pages, f"{area + 1}.{index + 1}")
            with open(os.path.join(root, folder, name), "w") as file:
                file.write(text)
        platform = PLATFORMS[area % len(PLATFORMS)]
        links = [(f"Page {area + 1}.{n + 1}", name) for n, name in enumerate(pages)]
        with open(os.path.join(root, folder, "index.md"), "w") as file:
            file.write(overview(f"Area {area + 1}: {platform}", f"Flows of area {area + 1}.", links, platform))
        area_links.append((f"Area {area + 1}", f"{folder}/index.md"))
    with open(os.path.join(root, "index.md"), "w") as file:
        file.write(overview("Benchmark help center", "A generated help center for the benchmark.", area_links))


if __name__ == "__main__":
    main()

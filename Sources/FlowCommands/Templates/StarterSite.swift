/// The files `flowdoc init` writes: a small help center that builds and checks clean at once.
///
/// The example flow `create-project.md` uses every construct of the format (front matter,
/// callouts, a procedure with UI targets and literals, a field table and a screen that agree,
/// a choice, sub-steps, a result, an image with alt text and a "What's next" link), and
/// `content/_product.yml` describes every screen and label it names.
enum StarterSite {
    /// One file of the starter site.
    struct File: Equatable {
        /// The path relative to the folder `init` writes to.
        var path: String
        var contents: String
    }

    /// Every file, in the order they are written.
    ///
    /// - Parameter updated: The date written to `updated:` in the pages' front matter (`YYYY-MM-DD`).
    static func files(updated: String) -> [File] {
        [
            File(path: "flowdoc.yml", contents: configuration),
            File(path: ".gitignore", contents: gitignore),
            File(path: "content/index.md", contents: index(updated: updated)),
            File(path: "content/create-project.md", contents: createProject(updated: updated)),
            File(path: "content/invite-teammate.md", contents: inviteTeammate(updated: updated)),
            File(path: "content/_product.yml", contents: productModel),
            File(path: "content/images/new-project.svg", contents: newProjectImage),
        ]
    }

    /// The lines of the starter `.gitignore`: the built site and the build cache.
    static let gitignoreLines = ["site/", ".flowdoc-cache/", ".*.flowdoc-*"]

    static let gitignore = """
        # Written by flowdoc build (the site, its build cache, lock and staging folders): rebuild, do not commit.
        \(gitignoreLines.joined(separator: "\n"))

        """

    static let configuration = """
        # flowdoc.yml: the settings of `flowdoc check`, `flowdoc build` and `flowdoc serve`.
        #
        # flowdoc reads this file from the folder that holds content/ (or the file named by
        # `flowdoc check --config`). Every key is optional and has the default shown here. An
        # unknown key, an unknown rule ID or a value of the wrong kind is an error that names
        # the line, so a typo never turns a setting off silently.

        # rules: the severity of each rule, by rule ID: error, warning, note or off.
        # Every rule and its default severity is listed in docs/rules.md; problems found while
        # reading pages (FrontMatterInvalid, ScreenLineUnrecognized, ...) can be set too.
        # `error` fails `flowdoc check` and stops `flowdoc build`; `off` skips the rule.
        rules:
          # SingleStepProcedure: off
          # UnknownUITarget: error

        # action_verbs: words a step's instruction may start with, besides the built-in
        # Click, Enter, Select, Open, Copy, Paste, Choose, Type, Go, ... (StepMissingAction).
        action_verbs: []

        # required_facets: front-matter facets every page must set (MissingFacet).
        # Allowed: product, platform, mode, audience.
        required_facets: []

        # max_steps: the most steps a procedure may have before ProcedureTooLong reports it.
        max_steps: 15

        # unsafe_html: true renders raw HTML in pages as written instead of dropping it
        # (and turns RawHTMLDropped off). Keep it false unless you trust every writer.
        unsafe_html: false

        """

    static func index(updated: String) -> String {
        """
        ---
        type: overview
        product: Example App
        updated: \(updated)
        summary: Guided flows for Example App, one task at a time.
        ---

        # Example App help center

        Each page of this help center is one task, written as numbered steps. Edit these pages,
        or add one with `flowdoc new`, and preview the site with `flowdoc serve`.

        > [!TIP]
        > New here? Start with [Create a project](create-project.md).

        ## Getting started

        - [Create a project](create-project.md): set up a project and choose who can see it.
        - [Invite a teammate](invite-teammate.md): work on a project together.

        """
    }

    static func createProject(updated: String) -> String {
        """
        ---
        title: Create a project
        summary: Create a project, name it and choose who can see it.
        product: Example App
        platform: Web
        mode: Basic
        audience: Everyone
        updated: \(updated)
        tags: [getting started, projects]
        ---

        # Create a project

        A project holds your notes and the people you work on them with. Creating one takes
        about two minutes.

        > [!IMPORTANT]
        > A project's address is made from its name and can't be changed later.

        > **Note:** Only workspace owners can create projects.

        ## Create the project

        1. Open the **Projects** tab.

           ![The Projects tab, with the New project button at the top right](images/new-project.svg)
        2. Click **New project**.
        3. Enter `Launch plan` in the **Project name** field.

           | Field | Description | Example |
           | --- | --- | --- |
           | Project name* | The name everyone sees | `Launch plan` |
           | Description | What the project is for | `Tasks for the spring launch` |
           | Make this project private | Only people you invite can open it | |

           ```screen New project
           Project name*: Launch plan
           Description: Tasks for the spring launch
           [ ] Make this project private
           [Cancel] [Create]
           ```
        4. Select who can see the project: **Team**.

           - **Private**
             - Only you, until you invite someone
           - **Team**
             - Everyone in your workspace
           - **Public**
             - Anyone with the link
        5. Click **Create**.
        6. Share the project's link with your team.

           1. Click **Copy link**.
           2. Paste the link into a message to your team.

           Result: The project opens, and your team can find it from the link.

        ## What's next

        - [Invite a teammate](invite-teammate.md)

        """
    }

    static func inviteTeammate(updated: String) -> String {
        """
        ---
        title: Invite a teammate
        summary: Invite someone to a project so you can work on it together.
        product: Example App
        platform: Web
        mode: Basic
        updated: \(updated)
        ---

        # Invite a teammate

        People you invite can read and edit every note of the project.

        ## Invite the teammate

        1. Open the **Members** tab of the project.
        2. Click **Invite**.
        3. Enter your teammate's email address in the **Email** field.
        4. Click **Send invitation**.

           Result: Your teammate gets an email with a link to the project.

        """
    }

    static let productModel = """
        # The product model: the screens, fields, buttons and labels of Example App.
        # flowdoc check compares the pages with it: every bold UI target in a step and every
        # `screen` block must be known here (UnknownUITarget, UnknownScreen, ScreenFieldMismatch).
        screens:
          - title: New project
            fields:
              - { name: Project name, required: true }
              - { name: Description, required: false }
              - { name: Make this project private, required: false }
            buttons: [Cancel, Create]
        labels:
          # Tabs
          - Projects
          - Members
          # Buttons and options
          - New project
          - Private
          - Team
          - Public
          - Create
          - Copy link
          - Invite
          - Send invitation
          # Fields outside a screen
          - Email

        """

    static let newProjectImage = """
        <svg xmlns="http://www.w3.org/2000/svg" width="480" height="200" viewBox="0 0 480 200" role="img" aria-labelledby="t">
          <title id="t">The Projects tab, with the New project button at the top right</title>
          <rect x="1" y="1" width="478" height="198" rx="8" fill="#ffffff" stroke="#94a3b8" stroke-width="2"/>
          <rect x="1" y="1" width="478" height="40" rx="8" fill="#f1f5f9"/>
          <text x="20" y="27" font-family="sans-serif" font-size="16" fill="#0f172a" font-weight="bold">Projects</text>
          <text x="110" y="27" font-family="sans-serif" font-size="16" fill="#475569">Members</text>
          <rect x="340" y="60" width="120" height="34" rx="6" fill="#1d4ed8"/>
          <text x="400" y="82" font-family="sans-serif" font-size="14" fill="#ffffff" text-anchor="middle">New project</text>
          <rect x="20" y="110" width="300" height="18" rx="4" fill="#e2e8f0"/>
          <rect x="20" y="140" width="240" height="18" rx="4" fill="#e2e8f0"/>
        </svg>

        """
}

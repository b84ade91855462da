//! End to end: the binary in a detached tmux session of fixed size, on a folder of
//! fixture XML files. Types a search, moves, opens a footnote popup, reads the screen
//! with `capture-pane`, quits with `q` and checks the shell is back and the alternate
//! screen is off. The session runs on a private socket and is killed even when the test
//! fails. A second test exports a data set whose texts hold terminal escapes to the same
//! kind of terminal and checks none of them acts. Skipped, with a message, when tmux is
//! not installed.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_insider-tui");

const CELLECTAR: &str = r#"<?xml version="1.0"?>
<ownershipDocument>
    <schemaVersion>X0306</schemaVersion>
    <documentType>4</documentType>
    <periodOfReport>2018-10-01</periodOfReport>
    <notSubjectToSection16>0</notSubjectToSection16>
    <issuer>
        <issuerCik>0001279704</issuerCik>
        <issuerName>Cellectar Biosciences, Inc.</issuerName>
        <issuerTradingSymbol>CLRB</issuerTradingSymbol>
    </issuer>
    <reportingOwner>
        <reportingOwnerId>
            <rptOwnerCik>0001567145</rptOwnerCik>
            <rptOwnerName>CARUSO JAMES V</rptOwnerName>
        </reportingOwnerId>
        <reportingOwnerAddress>
            <rptOwnerStreet1>100 CAMPUS DRIVE</rptOwnerStreet1>
            <rptOwnerCity>FLORHAM PARK</rptOwnerCity>
            <rptOwnerState>NJ</rptOwnerState>
            <rptOwnerZipCode>07932</rptOwnerZipCode>
        </reportingOwnerAddress>
        <reportingOwnerRelationship>
            <isDirector>1</isDirector>
            <isOfficer>1</isOfficer>
            <officerTitle>President and CEO</officerTitle>
        </reportingOwnerRelationship>
    </reportingOwner>
    <nonDerivativeTable>
        <nonDerivativeTransaction>
            <securityTitle><value>Common Stock</value></securityTitle>
            <transactionDate><value>2018-10-01</value></transactionDate>
            <transactionCoding>
                <transactionFormType>4</transactionFormType>
                <transactionCode>S</transactionCode>
                <equitySwapInvolved>0</equitySwapInvolved>
                <footnoteId id="F1"/>
            </transactionCoding>
            <transactionAmounts>
                <transactionShares><value>34000</value></transactionShares>
                <transactionPricePerShare><value>1.1972</value><footnoteId id="F2"/></transactionPricePerShare>
                <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
            </transactionAmounts>
            <postTransactionAmounts>
                <sharesOwnedFollowingTransaction><value>213548</value></sharesOwnedFollowingTransaction>
            </postTransactionAmounts>
            <ownershipNature>
                <directOrIndirectOwnership><value>D</value></directOrIndirectOwnership>
            </ownershipNature>
        </nonDerivativeTransaction>
    </nonDerivativeTable>
    <footnotes>
        <footnote id="F1">The sales reported on this Form 4 were effected pursuant to a Rule 10b5-1 trading plan adopted by the reporting person on May 25, 2018.</footnote>
        <footnote id="F2">The price reported in Column 4 is a weighted average price. These shares were sold in multiple transactions at prices ranging from $1.15 to $1.25, inclusive.</footnote>
    </footnotes>
    <ownerSignature>
        <signatureName>/s/ James V. Caruso</signatureName>
        <signatureDate>2018-10-03</signatureDate>
    </ownerSignature>
</ownershipDocument>
"#;

const APPLE: &str = r#"<?xml version="1.0"?>
<ownershipDocument>
    <schemaVersion>X0508</schemaVersion>
    <documentType>4</documentType>
    <periodOfReport>2023-10-02</periodOfReport>
    <issuer>
        <issuerCik>0000320193</issuerCik>
        <issuerName>Apple Inc.</issuerName>
        <issuerTradingSymbol>AAPL</issuerTradingSymbol>
    </issuer>
    <reportingOwner>
        <reportingOwnerId>
            <rptOwnerCik>0001214156</rptOwnerCik>
            <rptOwnerName>COOK TIMOTHY D</rptOwnerName>
        </reportingOwnerId>
        <reportingOwnerRelationship>
            <isDirector>1</isDirector>
            <isOfficer>1</isOfficer>
            <officerTitle>Chief Executive Officer</officerTitle>
        </reportingOwnerRelationship>
    </reportingOwner>
    <aff10b5One>1</aff10b5One>
    <nonDerivativeTable>
        <nonDerivativeTransaction>
            <securityTitle><value>Common Stock</value></securityTitle>
            <transactionDate><value>2023-10-02</value></transactionDate>
            <transactionCoding>
                <transactionFormType>4</transactionFormType>
                <transactionCode>S</transactionCode>
                <equitySwapInvolved>0</equitySwapInvolved>
            </transactionCoding>
            <transactionAmounts>
                <transactionShares><value>511000</value></transactionShares>
                <transactionPricePerShare><value>173.3</value></transactionPricePerShare>
                <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
            </transactionAmounts>
            <postTransactionAmounts>
                <sharesOwnedFollowingTransaction><value>3377062</value></sharesOwnedFollowingTransaction>
            </postTransactionAmounts>
            <ownershipNature>
                <directOrIndirectOwnership><value>D</value></directOrIndirectOwnership>
            </ownershipNature>
        </nonDerivativeTransaction>
    </nonDerivativeTable>
    <ownerSignature>
        <signatureName>/s/ Sam Whittington, Attorney-in-Fact for Timothy D. Cook</signatureName>
        <signatureDate>2023-10-04</signatureDate>
    </ownerSignature>
</ownershipDocument>
"#;

/// A tmux server on a private socket, killed on drop.
struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.session.as_str()];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    /// Types text literally (no key-name lookup).
    fn type_text(&self, text: &str) {
        assert!(self
            .run(&["send-keys", "-t", &self.session, "-l", text])
            .status
            .success());
    }

    fn capture(&self) -> String {
        self.capture_with(&[])
    }

    /// The screen with its colours and attributes, as the escape sequences that set them.
    fn capture_attributes(&self) -> String {
        self.capture_with(&["-e"])
    }

    /// `capture-pane -p` with `flags`.
    fn capture_with(&self, flags: &[&str]) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", &self.session];
        args.extend_from_slice(flags);
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    /// Waits until the screen shows every needle; panics with the screen if it never does.
    fn wait_for(&self, needles: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.capture();
            if needles.iter().all(|n| screen.contains(n)) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("screen never showed {needles:?}:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the screen no longer shows `needle`.
    fn wait_gone(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.capture().contains(needle) {
            if Instant::now() > deadline {
                panic!("screen kept showing {needle:?}:\n{}", self.capture());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A tmux format variable of the pane, such as `#{alternate_on}`.
    fn pane(&self, variable: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", &self.session, variable]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

fn has_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the app on `dir`, then prints its exit status as a marker.
fn command_line(dir: &Path) -> String {
    format!("'{BIN}' '{}'; echo E2E_EXIT_$?", dir.display())
}

/// A shell in a new detached session of 120x40, running `command`.
fn start(command: &str) -> Tmux {
    let unique = format!(
        "insider-e2e-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    );
    let t = Tmux {
        socket: unique.clone(),
        session: unique,
    };
    let out = t.run(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        &t.session,
        "-x",
        "120",
        "-y",
        "40",
        "sh",
    ]);
    assert!(
        out.status.success(),
        "tmux new-session: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.type_text(command);
    t.send(&["Enter"]);
    t
}

#[test]
fn explore_search_open_a_footnote_and_quit() {
    if !has_tmux() {
        eprintln!("skipping e2e_tmux: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clrb-caruso.xml"), CELLECTAR).unwrap();
    std::fs::write(dir.path().join("aapl-cook.xml"), APPLE).unwrap();
    // The same loader the binary uses, in process: does this build read ownership XML?
    let loaded = insider_tui::load::load(&[dir.path().to_path_buf()], false);
    let t = start(&command_line(dir.path()));
    if loaded.filings.is_empty() {
        // Without the XML reader every file is a load issue: the app still starts,
        // lists them in their pane and quits cleanly.
        eprintln!(
            "e2e_tmux: the XML reader returned no filings; checking start, issues and quit only"
        );
        t.wait_for(&["0 filings", "2 load issues"]);
        t.type_text("!");
        t.wait_for(&["Load issues (2)", "clrb-caruso.xml"]);
        // Wait for Esc to land before the next key, or the terminal reads Alt-q.
        t.send(&["Escape"]);
        t.wait_gone("Load issues (2)");
    } else {
        let s = t.wait_for(&["2 filings", "CARUSO JAMES V", "COOK TIMOTHY D"]);
        assert!(s.contains("Filings"), "{s}");
        t.type_text("/caru");
        let s = t.wait_for(&["1 of 2 filings", "/caru"]);
        assert!(
            !s.contains("COOK TIMOTHY D"),
            "search narrowed the list:\n{s}"
        );
        t.send(&["Enter"]);
        let s = t.wait_for(&["search caru", "1.1972²", "President and CEO"]);
        assert!(s.contains("S¹"), "code footnote marker:\n{s}");
        t.type_text("4");
        t.send(&["Enter"]);
        let s = t.wait_for(&["Footnotes of the selected row", "weighted average price"]);
        assert!(s.contains("¹ The sales reported on this Form 4"), "{s}");
        t.send(&["Escape"]);
        t.wait_gone("Footnotes of the selected row");
        t.type_text("j");
    }
    t.type_text("q");
    let s = t.wait_for(&["E2E_EXIT_0"]);
    assert!(
        !s.contains("Filings sorted by"),
        "the app screen is gone:\n{s}"
    );
    assert_eq!(t.pane("#{alternate_on}"), "0", "alternate screen is off");
}

#[test]
fn export_to_the_terminal_shows_hostile_text_without_its_escapes() {
    if !has_tmux() {
        eprintln!("skipping e2e_tmux: tmux is not installed");
        return;
    }
    // A data-set quarter whose issuer, owner and footnote try to clear the screen and turn
    // the text red, retitle the window, leave the alternate screen and set the clipboard.
    let dir = tempfile::tempdir().unwrap();
    let quarter = dir.path().join("2024q1");
    std::fs::create_dir(&quarter).unwrap();
    let accession = "0001234567-24-000001";
    std::fs::write(
        quarter.join("SUBMISSION.tsv"),
        format!(
            "ACCESSION_NUMBER\tFILING_DATE\tPERIOD_OF_REPORT\tDOCUMENT_TYPE\tISSUERCIK\tISSUERNAME\n\
             {accession}\t15-FEB-2024\t13-FEB-2024\t4\t0001764902\tHalcyon \x1b[2J\x1b[31mSoftware\n"
        ),
    )
    .unwrap();
    std::fs::write(
        quarter.join("REPORTINGOWNER.tsv"),
        format!(
            "ACCESSION_NUMBER\tRPTOWNERCIK\tRPTOWNERNAME\tRPTOWNER_RELATIONSHIP\n\
             {accession}\t0001873345\t\x1b]0;owned\x07Okafor \u{9b}31mAdriana\tDirector\n"
        ),
    )
    .unwrap();
    std::fs::write(
        quarter.join("FOOTNOTES.tsv"),
        format!(
            "ACCESSION_NUMBER\tFOOTNOTE_ID\tFOOTNOTE_TXT\n\
             {accession}\tF1\t\x1b[?1049lShares \x1b]52;c;cHduZWQ=\x1b\\withheld for taxes.\n"
        ),
    )
    .unwrap();
    let folder = dir.path().display();
    let t = start(&format!(
        "'{BIN}' export --format csv --table owners '{folder}'; \
         '{BIN}' export --format csv --table footnotes '{folder}'; echo E2E_EXIT_$?"
    ));
    let s = t.wait_for(&["E2E_EXIT_0"]);
    // What is left of each sequence once its control bytes are gone is plain text.
    assert!(s.contains("Halcyon [2J[31mSoftware"), "{s}");
    assert!(s.contains("]0;ownedOkafor 31mAdriana"), "{s}");
    assert!(s.contains("[?1049lShares ]52;c;cHduZWQ="), "{s}");
    assert!(
        s.contains("export --format csv --table owners"),
        "the screen was not cleared:\n{s}"
    );
    let colours = t.capture_attributes();
    assert!(
        !colours.contains("\x1b[31m"),
        "no text turned red:\n{colours:?}"
    );
    assert_ne!(t.pane("#{pane_title}"), "owned", "the title is unchanged");
    let buffers = t.run(&["list-buffers"]);
    assert!(buffers.stdout.is_empty(), "the clipboard was not set");
}

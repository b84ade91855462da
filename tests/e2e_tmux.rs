//! End to end: the binary in a detached tmux session of fixed size, on a folder of
//! fixture XML files. Types a search, moves, opens a footnote popup, reads the screen
//! with `capture-pane`, quits with `q` and checks the shell is back and the alternate
//! screen is off. The session runs on a private socket and is killed even when the test
//! fails. Skipped, with a message, when tmux is not installed.

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
        String::from_utf8_lossy(
            &self
                .run(&["capture-pane", "-p", "-t", &self.session])
                .stdout,
        )
        .into_owned()
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

    fn alternate_on(&self) -> String {
        let out = self.run(&[
            "display-message",
            "-p",
            "-t",
            &self.session,
            "#{alternate_on}",
        ]);
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

fn start(dir: &Path) -> Tmux {
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
    t.type_text(&command_line(dir));
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
    let t = start(dir.path());
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
    assert_eq!(t.alternate_on(), "0", "alternate screen is off");
}

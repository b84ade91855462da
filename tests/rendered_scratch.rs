#[test]
fn scratch() {
    let p = std::env::var("F").unwrap();
    let (f, w) = insider_tui::load::load_file(std::path::Path::new(&p));
    for f in f { println!("{}", insider_tui::form::render(&f, 150)); println!("{:?} {:?} {:?}", f.accession_number, f.owners.iter().map(|o| o.cik.clone()).collect::<Vec<_>>(), f.source.kind); }
    for d in w { println!("W {d}"); }
}

//! A small element tree over quick-xml, for the parts of a Word file.
//!
//! Word's XML is read whole into this tree rather than as a stream, because
//! what a paragraph means depends on things around it: its properties come
//! before its text but may be superseded by a tracked change of them, its
//! mark may be deleted (joining it to the next), and a text box holds whole
//! paragraphs inside a run. The tree is built with limits: at most
//! [`MAX_DEPTH`] levels and [`MAX_NODES`] nodes, so that a hostile file
//! ends with an error rather than a stack overflow or the memory.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The deepest nesting accepted. Word documents nest tables in tables and
/// text boxes in paragraphs, rarely past 40 levels; traversal is recursive.
pub const MAX_DEPTH: usize = 256;
/// The most elements and text nodes accepted in one part: 20 million, about
/// 20 times the largest real UN Word documents measured (a 300-page report
/// has ~1 million).
pub const MAX_NODES: usize = 20_000_000;

/// A node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Character data, entities resolved.
    Text(String),
}

/// An element: its local name (prefix dropped: `w:p` is `p`), its
/// attributes by local name, and its children in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    /// Local name.
    pub name: String,
    /// Attributes (local name, value), in document order.
    pub attrs: Vec<(String, String)>,
    /// Children in document order.
    pub children: Vec<Node>,
}

impl Element {
    /// The value of the attribute with this local name (`val` for `w:val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The `val` attribute of the first child with this name
    /// (`<w:numId w:val="3"/>` gives `"3"`).
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|c| c.attr("val"))
    }

    /// All text below this element, in order.
    pub fn text(&self) -> String {
        let mut s = String::new();
        collect_text(self, &mut s);
        s
    }
}

fn collect_text(e: &Element, out: &mut String) {
    for n in &e.children {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(c) => collect_text(c, out),
        }
    }
}

/// Why a part could not be read as XML.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XmlError {
    /// Not well-formed.
    #[error("malformed XML at byte {offset}: {message}")]
    Malformed {
        /// Byte offset in the part.
        offset: u64,
        /// quick-xml's description.
        message: String,
    },
    /// Past [`MAX_DEPTH`] or [`MAX_NODES`].
    #[error("too deeply nested or too large (limits: {MAX_DEPTH} levels, {MAX_NODES} nodes)")]
    TooLarge,
    /// No root element.
    #[error("no root element")]
    Empty,
}

/// Parses `xml` into its root element.
///
/// # Errors
/// [`XmlError`] when the text is not well-formed XML, has no root, or
/// passes the limits above.
pub fn parse(xml: &str) -> Result<Element, XmlError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut nodes = 0usize;
    let malformed = |reader: &Reader<&[u8]>, e: &dyn std::fmt::Display| XmlError::Malformed {
        offset: reader.buffer_position(),
        message: e.to_string(),
    };
    loop {
        let event = reader.read_event().map_err(|e| malformed(&reader, &e))?;
        nodes += 1;
        if nodes > MAX_NODES {
            return Err(XmlError::TooLarge);
        }
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(XmlError::TooLarge);
                }
                stack.push(element(&e));
            }
            Event::Empty(e) => {
                let el = element(&e);
                push(&mut stack, Node::Element(el));
            }
            Event::End(_) => {
                let done = stack.pop().ok_or(XmlError::Empty)?;
                if stack.is_empty() {
                    return Err(malformed(&reader, &"unexpected closing tag"));
                }
                push(&mut stack, Node::Element(done));
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| malformed(&reader, &e))?;
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(t.as_ref()).into_owned();
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match r.decode().map_err(|e| malformed(&reader, &e))?.as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        // An entity Word never writes: kept as written,
                        // so that no text is lost.
                        other => format!("&{other};"),
                    },
                    Err(e) => return Err(malformed(&reader, &e)),
                };
                push_text(&mut stack, &s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(XmlError::Malformed {
            offset: reader.buffer_position(),
            message: "the document ends inside an element".into(),
        });
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or(XmlError::Empty)
}

fn element(e: &BytesStart<'_>) -> Element {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let attrs = e
        .attributes()
        .filter_map(Result::ok)
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            (key, value)
        })
        .collect();
    Element {
        name,
        attrs,
        children: Vec::new(),
    }
}

fn push(stack: &mut [Element], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

fn push_text(stack: &mut [Element], s: &str) {
    if let Some(top) = stack.last_mut() {
        if let Some(Node::Text(t)) = top.children.last_mut() {
            t.push_str(s);
        } else {
            top.children.push(Node::Text(s.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_with_local_names_and_entities() {
        let root = parse(
            r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:p><w:r><w:t xml:space="preserve">A &amp; B&#x2019;s</w:t></w:r><w:numId w:val="3"/></w:p></w:document>"#,
        )
        .unwrap();
        assert_eq!(root.name, "document");
        let p = root.child("p").unwrap();
        assert_eq!(p.text(), "A & B\u{2019}s");
        assert_eq!(p.child_val("numId"), Some("3"));
    }

    #[test]
    fn refuses_malformed_and_deep_input() {
        assert!(matches!(
            parse("<a><b></a>"),
            Err(XmlError::Malformed { .. })
        ));
        assert!(parse("<a>").is_err());
        assert_eq!(parse(""), Err(XmlError::Empty));
        let deep = "<a>".repeat(MAX_DEPTH + 10) + &"</a>".repeat(MAX_DEPTH + 10);
        assert_eq!(parse(&deep), Err(XmlError::TooLarge));
    }
}

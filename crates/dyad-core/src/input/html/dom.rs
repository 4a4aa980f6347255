//! The parsed page: an arena-allocated DOM that html5ever's tree builder fills.
//!
//! Only what extraction needs is kept (elements with their attributes, text, and the tree
//! links); comments, doctypes and processing instructions become inert nodes. This module
//! builds the tree and answers small questions about nodes; it does not decide what is
//! content (see [`super::content`]) or metadata (see [`super::meta`]).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ptr;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, QualName, local_name, ns, parse_document};
use typed_arena::Arena;

/// A node of the tree; it lives as long as the arena that holds it.
pub struct Node<'a> {
    parent: Cell<Option<&'a Node<'a>>>,
    next_sibling: Cell<Option<&'a Node<'a>>>,
    previous_sibling: Cell<Option<&'a Node<'a>>>,
    first_child: Cell<Option<&'a Node<'a>>>,
    last_child: Cell<Option<&'a Node<'a>>>,
    /// What the node is.
    pub data: NodeData,
}

/// The payload of a node.
pub enum NodeData {
    /// The document root (and the content of a `<template>`).
    Document,
    /// An element with its name and attributes.
    Element {
        /// The qualified name; only the local name matters for HTML.
        name: QualName,
        /// The attributes, in source order.
        attrs: RefCell<Vec<Attribute>>,
    },
    /// A run of text, with character references already decoded.
    Text(RefCell<StrTendril>),
    /// A comment, doctype or processing instruction: kept only so the tree stays whole.
    Inert,
}

impl<'a> Node<'a> {
    fn new(data: NodeData) -> Self {
        Node {
            parent: Cell::new(None),
            next_sibling: Cell::new(None),
            previous_sibling: Cell::new(None),
            first_child: Cell::new(None),
            last_child: Cell::new(None),
            data,
        }
    }

    /// The first child, if any.
    pub fn first_child(&self) -> Option<&'a Node<'a>> {
        self.first_child.get()
    }

    /// The next sibling, if any.
    pub fn next_sibling(&self) -> Option<&'a Node<'a>> {
        self.next_sibling.get()
    }

    /// The value of an attribute of an element (attribute names are lower case in HTML).
    pub fn attr(&self, wanted: &str) -> Option<StrTendril> {
        match &self.data {
            NodeData::Element { attrs, .. } => attrs
                .borrow()
                .iter()
                .find(|a| &*a.name.local == wanted)
                .map(|a| a.value.clone()),
            _ => None,
        }
    }

    /// Appends the text of every descendant text node to `out`.
    pub fn text_into(&'a self, out: &mut String) {
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            if let NodeData::Text(text) = &node.data {
                out.push_str(&text.borrow());
            }
            // Children are pushed last-first so that they pop in document order.
            let mut child = node.last_child.get();
            while let Some(c) = child {
                stack.push(c);
                child = c.previous_sibling.get();
            }
        }
    }

    fn detach(&self) {
        let parent = self.parent.take();
        let previous = self.previous_sibling.take();
        let next = self.next_sibling.take();
        match next {
            Some(next) => next.previous_sibling.set(previous),
            None => {
                if let Some(parent) = parent {
                    parent.last_child.set(previous);
                }
            }
        }
        match previous {
            Some(previous) => previous.next_sibling.set(next),
            None => {
                if let Some(parent) = parent {
                    parent.first_child.set(next);
                }
            }
        }
    }

    fn append(&'a self, child: &'a Node<'a>) {
        child.detach();
        child.parent.set(Some(self));
        match self.last_child.take() {
            Some(last) => {
                child.previous_sibling.set(Some(last));
                last.next_sibling.set(Some(child));
            }
            None => self.first_child.set(Some(child)),
        }
        self.last_child.set(Some(child));
    }

    fn insert_before(&'a self, sibling: &'a Node<'a>) {
        sibling.detach();
        sibling.parent.set(self.parent.get());
        sibling.next_sibling.set(Some(self));
        match self.previous_sibling.take() {
            Some(previous) => {
                sibling.previous_sibling.set(Some(previous));
                previous.next_sibling.set(Some(sibling));
            }
            None => {
                if let Some(parent) = self.parent.get() {
                    parent.first_child.set(Some(sibling));
                }
            }
        }
        self.previous_sibling.set(Some(sibling));
    }
}

/// Parses a page (or a fragment, which the HTML parser wraps in `<html><body>`) into the
/// arena and returns the document node. Parsing never fails.
pub fn parse<'a>(html: &str, arena: &'a Arena<Node<'a>>) -> &'a Node<'a> {
    let sink = Sink {
        arena,
        document: arena.alloc(Node::new(NodeData::Document)),
        placeholder: QualName::new(None, ns!(html), local_name!("div")),
    };
    parse_document(sink, Default::default()).one(html)
}

/// Receives the tree builder's operations and links nodes in the arena.
struct Sink<'a> {
    arena: &'a Arena<Node<'a>>,
    document: &'a Node<'a>,
    /// The name given when the tree builder asks for the name of a non-element, which it
    /// does not do; answering beats panicking.
    placeholder: QualName,
}

impl<'a> Sink<'a> {
    fn new_node(&self, data: NodeData) -> &'a Node<'a> {
        self.arena.alloc(Node::new(data))
    }

    /// Turns text into a node, or merges it into the neighbouring text node and returns
    /// `None`.
    fn node_for(
        &self,
        child: NodeOrText<&'a Node<'a>>,
        neighbour: Option<&'a Node<'a>>,
    ) -> Option<&'a Node<'a>> {
        match child {
            NodeOrText::AppendNode(node) => Some(node),
            NodeOrText::AppendText(text) => {
                if let Some(Node {
                    data: NodeData::Text(existing),
                    ..
                }) = neighbour
                {
                    existing.borrow_mut().push_tendril(&text);
                    return None;
                }
                Some(self.new_node(NodeData::Text(RefCell::new(text))))
            }
        }
    }
}

impl<'a> TreeSink for Sink<'a> {
    type Handle = &'a Node<'a>;
    type Output = &'a Node<'a>;
    type ElemName<'b>
        = &'b QualName
    where
        Self: 'b;

    fn finish(self) -> &'a Node<'a> {
        self.document
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> &'a Node<'a> {
        self.document
    }

    fn elem_name<'b>(&'b self, target: &'b &'a Node<'a>) -> &'b QualName {
        match &target.data {
            NodeData::Element { name, .. } => name,
            _ => &self.placeholder,
        }
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        _flags: ElementFlags,
    ) -> &'a Node<'a> {
        self.new_node(NodeData::Element {
            name,
            attrs: RefCell::new(attrs),
        })
    }

    fn create_comment(&self, _text: StrTendril) -> &'a Node<'a> {
        self.new_node(NodeData::Inert)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> &'a Node<'a> {
        self.new_node(NodeData::Inert)
    }

    fn append(&self, parent: &&'a Node<'a>, child: NodeOrText<&'a Node<'a>>) {
        if let Some(node) = self.node_for(child, parent.last_child.get()) {
            parent.append(node);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &&'a Node<'a>,
        prev_element: &&'a Node<'a>,
        child: NodeOrText<&'a Node<'a>>,
    ) {
        if element.parent.get().is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &&'a Node<'a>) -> &'a Node<'a> {
        // Template content is never article text; the template element itself holds it.
        target
    }

    fn same_node(&self, x: &&'a Node<'a>, y: &&'a Node<'a>) -> bool {
        ptr::eq::<Node>(*x, *y)
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &&'a Node<'a>, child: NodeOrText<&'a Node<'a>>) {
        if let Some(node) = self.node_for(child, sibling.previous_sibling.get()) {
            sibling.insert_before(node);
        }
    }

    fn add_attrs_if_missing(&self, target: &&'a Node<'a>, attrs: Vec<Attribute>) {
        if let NodeData::Element {
            attrs: existing, ..
        } = &target.data
        {
            let mut existing = existing.borrow_mut();
            for attr in attrs {
                if !existing.iter().any(|e| e.name == attr.name) {
                    existing.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &&'a Node<'a>) {
        target.detach();
    }

    fn reparent_children(&self, node: &&'a Node<'a>, new_parent: &&'a Node<'a>) {
        let mut child = node.first_child.get();
        while let Some(c) = child {
            child = c.next_sibling.get();
            new_parent.append(c);
        }
    }
}

//! The global allocator: mimalloc, through its plain entry points wherever they give the
//! alignment asked for.
//!
//! The `mimalloc` crate's allocator calls mimalloc's aligned functions for every allocation.
//! Those check and round the alignment before reaching the same small-block path, about 45
//! instructions per allocation where `mi_malloc` takes about 15; a batch run makes a quarter of
//! a million allocations per 2,000 stories, so the difference was 3% of all instructions.
//! `mi_malloc` returns blocks aligned to their size up to 16 bytes, so (as for the standard
//! library's system allocator) a layout whose alignment is at most 16 and at most its size
//! can use it; any other layout goes to the aligned functions.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The largest alignment every mimalloc block of at least that size has
/// (`MI_MAX_ALIGN_SIZE`).
const PLAIN_ALIGN: usize = 16;

/// mimalloc as the global allocator.
pub struct MiMalloc;

/// Whether the plain entry points give `layout`'s alignment.
fn plain(align: usize, size: usize) -> bool {
    align <= PLAIN_ALIGN && align <= size
}

// SAFETY: every method forwards to the mimalloc function of the same contract (a block of
// at least `size` bytes aligned as asked, or null; freed and reallocated only by mimalloc),
// choosing the plain function only when it guarantees the layout's alignment (see `plain`).
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            mi::mi_malloc(layout.size()).cast()
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            mi::mi_zalloc(layout.size()).cast()
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(layout.align(), new_size) {
            mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_entry_points_only_where_they_give_the_alignment() {
        // (alignment, size, plain)
        let cases = [
            (1, 1, true),
            (8, 8, true),
            (8, 24, true),
            (16, 16, true),
            (16, 4096, true),
            // a block smaller than its alignment may sit in a smaller size class
            (16, 8, false),
            (8, 4, false),
            // beyond mimalloc's guaranteed alignment
            (32, 64, false),
            (4096, 4096, false),
        ];
        for (align, size, expected) in cases {
            assert_eq!(plain(align, size), expected, "align {align}, size {size}");
        }
    }

    #[test]
    fn allocations_have_their_alignment() {
        for (size, align) in [(1, 1), (8, 8), (24, 8), (100, 16), (64, 32), (8192, 4096)] {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: the layout has a non-zero size; the block is freed with the same layout.
            unsafe {
                let p = MiMalloc.alloc(layout);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0, "size {size}, align {align}");
                let q = MiMalloc.realloc(p, layout, size * 3);
                assert_eq!(q as usize % align, 0, "grown: size {size}, align {align}");
                MiMalloc.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
            }
        }
    }
}
